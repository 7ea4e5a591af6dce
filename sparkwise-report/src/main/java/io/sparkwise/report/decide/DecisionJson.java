package io.sparkwise.report.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.decide.run.CoordinationTax;
import io.sparkwise.decide.run.Decision;
import io.sparkwise.decide.run.RunOption;
import io.sparkwise.decide.run.Workload;
import io.sparkwise.report.JsonDocument;

import java.io.IOException;
import java.io.Writer;
import java.util.OptionalDouble;

/** The decision as JSON (docs/json.md, "decide"). */
public final class DecisionJson {

    public static final int SCHEMA_VERSION = 1;

    private DecisionJson() {}

    public static void render(Decision d, Writer out) throws IOException {
        Workload w = d.workload();
        JsonDocument.write(out, g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeObjectFieldStart("workload");
            g.writeNumberField("scannedBytes", w.scannedBytes());
            g.writeStringField("queryShape", w.shape().benchmarkQuery());
            g.writeNumberField("runsPerDay", w.runsPerDay());
            g.writeNumberField("concurrency", w.concurrency());
            number(g, "latencyTargetSeconds", w.latencyTargetSeconds());
            g.writeEndObject();
            if (w.measured().isPresent()) {
                tax(g, w.measured().get().tax());
            }
            g.writeArrayFieldStart("options");
            for (RunOption o : d.options()) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                number(g, "seconds", o.seconds());
                number(g, "costPerRunUsd", o.costPerRun());
                number(g, "monthlyCostUsd", o.monthlyCost(w.runsPerDay()));
                g.writeBooleanField("recommended", d.recommended().orElse(null) == o);
                g.writeArrayFieldStart("assumptions");
                for (String a : o.assumptions()) {
                    g.writeString(a);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reasoning");
            for (String r : d.reasoning()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void tax(JsonGenerator g, CoordinationTax t) throws IOException {
        g.writeObjectFieldStart("coordinationTax");
        g.writeNumberField("wallTimeMs", t.wallMs());
        g.writeNumberField("allocatedCoreMs", t.allocatedCoreMs());
        g.writeNumberField("workCoreMs", t.workCoreMs());
        g.writeNumberField("shuffleFetchWaitCoreMs", t.fetchWaitCoreMs());
        g.writeNumberField("taskStartupCoreMs", t.taskStartupCoreMs());
        g.writeNumberField("idleCoreMs", t.idleCoreMs());
        g.writeNumberField("driverGapMs", t.driverGapMs());
        g.writeNumberField("schedulingDelayMs", t.schedulingDelayMs());
        g.writeNumberField("inputBytes", t.inputBytes());
        g.writeNumberField("shuffleReadBytes", t.shuffleBytes());
        g.writeNumberField("outputBytes", t.outputBytes());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(name, value.getAsDouble());
        }
    }
}
