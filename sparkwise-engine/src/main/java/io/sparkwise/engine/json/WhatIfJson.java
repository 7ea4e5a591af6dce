package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.engine.json.JsonTree.Obj;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.ClusterShape;
import io.sparkwise.simulator.DynamicAllocation;
import io.sparkwise.simulator.SelfCheck;
import io.sparkwise.simulator.SimulationResult;
import io.sparkwise.simulator.WhatIf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.sparkwise.engine.json.JsonTree.malformed;
import static java.util.Objects.requireNonNull;

/**
 * The fields of a {@link WhatIf} (docs/json.md, "simulate"; every time in ms): the one writer of
 * them, for the {@code sparkwise simulate --format json} document (the report's
 * {@code SimulationJson} puts its {@code schemaVersion} and {@code generator} before them) and for
 * the {@code simulation} object of a stored result. What the fields leave out (each replay's task
 * count, the self-check's replay beyond its wall time) goes to the result's lossless section,
 * {@link #writeLossless}, so that {@link #read} rebuilds an equal what-if.
 */
public final class WhatIfJson {

    private WhatIfJson() {
    }

    /**
     * Writes the what-if's fields into the object {@code json} is in: the caller writes the
     * object's start and end, and anything before the fields.
     */
    public static void writeFields(WhatIf whatIf, JsonGenerator json) throws IOException {
        requireNonNull(whatIf, "whatIf is null");
        requireNonNull(json, "json is null");
        json.writeObjectFieldStart("application");
        json.writeStringField("id", whatIf.applicationId());
        json.writeStringField("name", whatIf.applicationName());
        json.writeEndObject();
        asRun(whatIf.asRun(), json);
        if (whatIf.selfCheck().isPresent()) {
            SelfCheck check = whatIf.selfCheck().get();
            json.writeObjectFieldStart("selfCheck");
            json.writeNumberField("realWallTimeMs", check.realWallTimeMs());
            json.writeNumberField("predictedWallTimeMs", check.predicted().predictedWallTimeMs());
            json.writeNumberField("errorPct", Math.round(check.errorPct() * 10) / 10.0);
            json.writeEndObject();
        } else {
            json.writeNullField("selfCheck");
        }
        json.writeNumberField("unboundedWallTimeMs", whatIf.unboundedWallTimeMs());
        json.writeArrayFieldStart("options");
        for (int i = 0; i < whatIf.options().size(); i++) {
            json.writeStartObject();
            option(whatIf.options().get(i), json);
            json.writeBooleanField("knee", whatIf.knee().isPresent() && whatIf.knee().getAsInt() == i);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void asRun(ClusterShape shape, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("asRun");
        json.writeNumberField("executors", shape.executors());
        json.writeNumberField("peakExecutors", shape.peakExecutors());
        json.writeNumberField("coresPerExecutor", shape.coresPerExecutor());
        json.writeNumberField("taskCpus", shape.taskCpus());
        json.writeNumberField("executorStartupMs", shape.executorStartupMs());
        json.writeBooleanField("dynamicAllocation", shape.dynamicAllocation());
        json.writeEndObject();
    }

    /** One replay's fields, in an object the caller opens and closes. */
    private static void option(SimulationResult r, JsonGenerator json) throws IOException {
        json.writeStringField("label", r.label());
        json.writeNumberField("executors", r.option().executors());
        json.writeNumberField("coresPerExecutor", r.option().coresPerExecutor());
        if (r.option().dynamicAllocation().isPresent()) {
            DynamicAllocation da = r.option().dynamicAllocation().get();
            json.writeObjectFieldStart("dynamicAllocation");
            json.writeNumberField("minExecutors", da.minExecutors());
            json.writeNumberField("maxExecutors", da.maxExecutors());
            json.writeEndObject();
        }
        json.writeNumberField("predictedWallTimeMs", r.predictedWallTimeMs());
        json.writeNumberField("executorMs", r.executorMs());
        json.writeNumberField("executorHours", Math.round(r.executorHours() * 10_000) / 10_000.0);
        json.writeNumberField("allocatedCoreMs", r.allocatedCoreMs());
        json.writeNumberField("busyCoreMs", r.busyCoreMs());
        json.writeNumberField("utilization", Math.round(r.utilization() * 1000) / 1000.0);
        json.writeNumberField("driverOnlyMs", r.driverOnlyMs());
        json.writeNumberField("peakExecutors", r.peakExecutors());
    }

    /**
     * The lossless section's {@code simulation} object: the tasks replayed by each option, and
     * the self-check's whole replay (an option object with its {@code tasks}), or null.
     */
    static void writeLossless(WhatIf whatIf, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("simulation");
        json.writeArrayFieldStart("tasks");
        for (SimulationResult r : whatIf.options()) {
            json.writeNumber(r.tasks());
        }
        json.writeEndArray();
        if (whatIf.selfCheck().isPresent()) {
            SimulationResult predicted = whatIf.selfCheck().get().predicted();
            json.writeObjectFieldStart("selfCheck");
            option(predicted, json);
            json.writeNumberField("tasks", predicted.tasks());
            json.writeEndObject();
        } else {
            json.writeNullField("selfCheck");
        }
        json.writeEndObject();
    }

    /** The what-if {@link #writeFields} and {@link #writeLossless} wrote; derived fields are not read. */
    static WhatIf read(Obj o, Obj extra) {
        Obj application = o.object("application");
        Obj shape = o.object("asRun");
        ClusterShape asRun = new ClusterShape(shape.intValue("executors"), shape.intValue("peakExecutors"),
                shape.intValue("coresPerExecutor"), shape.intValue("taskCpus"), shape.longValue("executorStartupMs"),
                shape.bool("dynamicAllocation"));
        Optional<SelfCheck> selfCheck = o.optObject("selfCheck").map(check -> new SelfCheck(
                result(extra.object("selfCheck"), extra.object("selfCheck").longValue("tasks")),
                check.longValue("realWallTimeMs")));
        List<Obj> options = o.objects("options");
        long[] tasks = extra.longs("tasks");
        if (tasks.length != options.size()) {
            throw malformed(extra.path("tasks"), "one task count for each of the " + options.size() + " options");
        }
        List<SimulationResult> results = new ArrayList<>(options.size());
        OptionalInt knee = OptionalInt.empty();
        for (int i = 0; i < options.size(); i++) {
            results.add(result(options.get(i), tasks[i]));
            if (options.get(i).bool("knee")) {
                if (knee.isPresent()) {
                    throw malformed(options.get(i).path("knee"), "true on one option only");
                }
                knee = OptionalInt.of(i);
            }
        }
        return new WhatIf(application.string("id"), application.string("name"), asRun, selfCheck, results,
                o.longValue("unboundedWallTimeMs"), knee);
    }

    private static SimulationResult result(Obj o, long tasks) {
        Optional<DynamicAllocation> dynamic = o.optObject("dynamicAllocation")
                .map(da -> new DynamicAllocation(da.intValue("minExecutors"), da.intValue("maxExecutors")));
        ClusterOption option = new ClusterOption(o.intValue("executors"), o.intValue("coresPerExecutor"), dynamic);
        return new SimulationResult(option, o.string("label"), o.longValue("predictedWallTimeMs"),
                o.longValue("executorMs"), o.longValue("allocatedCoreMs"), o.longValue("busyCoreMs"),
                o.longValue("driverOnlyMs"), o.intValue("peakExecutors"), tasks);
    }
}
