package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.advisor.cost.AutoScalingSaving;
import io.sparkwise.advisor.cost.CostLine;
import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.advisor.cost.ExecutorCost;
import io.sparkwise.advisor.cost.FindingSaving;
import io.sparkwise.advisor.cost.SpotEstimate;
import io.sparkwise.engine.json.JsonTree.Obj;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.sparkwise.engine.json.JsonTree.malformed;
import static java.util.Objects.requireNonNull;

/**
 * The fields of a {@link CostReport} (docs/advisor.md, "Cost"; amounts in USD): the one writer of
 * them, for the {@code sparkwise cost --format json} document (the report's {@code CostRenderer}
 * puts its {@code schemaVersion} before them) and for the {@code cost} object of a stored result.
 * What the fields leave out (the arithmetic lines, the findings' titles) goes to the result's
 * lossless section, {@link #writeLossless}, so that {@link #read} rebuilds an equal report.
 */
public final class CostJson {

    private CostJson() {
    }

    /**
     * Writes the cost's fields into the object {@code json} is in: the caller writes the object's
     * start and end, and anything before the fields.
     */
    public static void writeFields(CostReport cost, JsonGenerator json) throws IOException {
        requireNonNull(cost, "cost is null");
        requireNonNull(json, "json is null");
        json.writeStringField("applicationId", cost.applicationId());
        json.writeStringField("context", cost.context());
        json.writeStringField("currency", "USD");
        json.writeNumberField("total", cost.totalDollars());
        json.writeNumberField("busy", cost.busyDollars());
        json.writeNumberField("idle", cost.idleDollars());
        json.writeNumberField("driver", cost.driverDollars());
        json.writeNumberField("perCoreHour", cost.dollarsPerCoreHour());
        json.writeArrayFieldStart("executors");
        for (ExecutorCost e : cost.executors()) {
            executor(e, json);
        }
        json.writeEndArray();
        if (cost.spot().isPresent()) {
            spot(cost.spot().get(), json);
        }
        if (cost.autoScaling().isPresent()) {
            autoScaling(cost.autoScaling().get(), json);
        }
        json.writeArrayFieldStart("findings");
        for (FindingSaving f : cost.findings()) {
            json.writeStartObject();
            json.writeStringField("ruleId", f.ruleId());
            json.writeNumberField("wastedCoreSeconds", f.wastedCoreSeconds());
            json.writeNumberField("saving", f.dollars());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (cost.monthly().isPresent()) {
            CostReport.MonthlyProjection m = cost.monthly().get();
            json.writeObjectFieldStart("monthly");
            json.writeNumberField("runsPerDay", cost.runsPerDay().getAsInt());
            json.writeNumberField("runsPerMonth", m.runsPerMonth());
            json.writeNumberField("cost", m.cost());
            json.writeNumberField("findingSavings", m.findingSavings());
            json.writeNumberField("autoScalingSavings", m.autoScalingSavings());
            json.writeEndObject();
        }
        strings("prices", cost.prices(), json);
        strings("notes", cost.notes(), json);
    }

    private static void executor(ExecutorCost e, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", e.id());
        json.writeBooleanField("driver", e.driver());
        json.writeNumberField("totalCores", e.cores());
        json.writeNumberField("containerMiB", e.containerMib());
        json.writeNumberField("hours", e.hours());
        json.writeNumberField("share", e.share());
        json.writeNumberField("perHour", e.ratePerHour());
        json.writeNumberField("cost", e.dollars());
        json.writeNumberField("busyFraction", e.busyFraction());
        json.writeEndObject();
    }

    private static void spot(SpotEstimate s, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("spot");
        json.writeNumberField("spot", s.spotDollars());
        json.writeNumberField("expectedInterruptions", s.expectedInterruptions());
        json.writeNumberField("lostCoreSecondsPerInterruption", s.lostCoreSecondsPerInterruption());
        json.writeNumberField("reexecution", s.reexecutionDollars());
        json.writeNumberField("expected", s.expectedDollars());
        json.writeStringField("formula", s.formula());
        json.writeEndObject();
    }

    private static void autoScaling(AutoScalingSaving a, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("autoScaling");
        json.writeStringField("cluster", a.cluster());
        json.writeNumberField("executorHoursAsRun", a.executorHoursAsRun());
        json.writeNumberField("executorHoursSimulated", a.executorHoursSimulated());
        json.writeNumberField("durationAsRun", a.wallMsAsRun());
        json.writeNumberField("durationSimulated", a.wallMsSimulated());
        json.writeNumberField("saving", a.dollars());
        json.writeEndObject();
    }

    private static void strings(String name, List<String> values, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /**
     * The lossless section's {@code cost} object: the arithmetic lines (each with its formula and
     * sources) and the findings' titles, which the cost document leaves to the text report.
     */
    static void writeLossless(CostReport cost, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("cost");
        json.writeArrayFieldStart("lines");
        for (CostLine line : cost.lines()) {
            json.writeStartObject();
            json.writeStringField("item", line.item());
            json.writeNumberField("dollars", line.dollars());
            json.writeStringField("formula", line.formula());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("findingTitles");
        for (FindingSaving f : cost.findings()) {
            json.writeString(f.title());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The report {@link #writeFields} and {@link #writeLossless} wrote; derived fields are not read. */
    static CostReport read(Obj o, Obj extra) {
        List<ExecutorCost> executors = new ArrayList<>();
        for (Obj e : o.objects("executors")) {
            executors.add(new ExecutorCost(e.string("id"), e.bool("driver"), e.intValue("totalCores"),
                    e.longValue("containerMiB"), e.exactDouble("hours"), e.exactDouble("share"), e.exactDouble("perHour"),
                    e.exactDouble("busyFraction")));
        }
        Optional<SpotEstimate> spot = o.optObject("spot").map(s -> new SpotEstimate(s.exactDouble("spot"),
                s.exactDouble("expectedInterruptions"), s.exactDouble("lostCoreSecondsPerInterruption"),
                s.exactDouble("reexecution"), s.string("formula")));
        Optional<AutoScalingSaving> autoScaling = o.optObject("autoScaling").map(a -> new AutoScalingSaving(
                a.string("cluster"), a.exactDouble("executorHoursAsRun"), a.exactDouble("executorHoursSimulated"),
                a.longValue("durationAsRun"), a.longValue("durationSimulated"), a.exactDouble("saving")));
        List<Obj> findings = o.objects("findings");
        List<String> titles = extra.strings("findingTitles");
        if (titles.size() != findings.size()) {
            throw malformed(extra.path("findingTitles"), "one title for each of the " + findings.size() + " findings");
        }
        List<FindingSaving> savings = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Obj f = findings.get(i);
            savings.add(new FindingSaving(f.string("ruleId"), titles.get(i), f.exactDouble("wastedCoreSeconds"),
                    f.exactDouble("saving")));
        }
        OptionalInt runsPerDay = o.optObject("monthly").map(m -> OptionalInt.of(m.intValue("runsPerDay")))
                .orElse(OptionalInt.empty());
        List<CostLine> lines = new ArrayList<>();
        for (Obj line : extra.objects("lines")) {
            lines.add(new CostLine(line.string("item"), line.exactDouble("dollars"), line.string("formula")));
        }
        return new CostReport(o.string("applicationId"), o.string("context"), executors, o.exactDouble("total"),
                o.exactDouble("busy"), o.exactDouble("idle"), o.exactDouble("driver"), o.exactDouble("perCoreHour"),
                spot, autoScaling, savings, runsPerDay, lines, o.strings("prices"), o.strings("notes"));
    }
}
