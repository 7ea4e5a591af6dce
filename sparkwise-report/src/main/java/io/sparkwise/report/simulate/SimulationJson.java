package io.sparkwise.report.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.report.JsonDocument;
import io.sparkwise.report.SparkwiseVersion;
import io.sparkwise.simulator.ClusterShape;
import io.sparkwise.simulator.DynamicAllocation;
import io.sparkwise.simulator.SelfCheck;
import io.sparkwise.simulator.SimulationResult;
import io.sparkwise.simulator.WhatIf;

import java.io.IOException;
import java.io.Writer;

/**
 * The what-if replays as JSON, documented in {@code docs/json.md} ("simulate"). Times in ms, as
 * the History Server's durations.
 */
final class SimulationJson implements SimulationRenderer {

    /** Bumped on renames and removals only; additions keep it. */
    static final int SCHEMA_VERSION = 1;

    @Override
    public void render(WhatIf whatIf, Writer out) throws IOException {
        JsonDocument.write(out, json -> write(whatIf, json));
    }

    private static void write(WhatIf w, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("generator", "sparkwise " + SparkwiseVersion.get());
        json.writeObjectFieldStart("application");
        json.writeStringField("id", w.applicationId());
        json.writeStringField("name", w.applicationName());
        json.writeEndObject();
        asRun(w.asRun(), json);
        if (w.selfCheck().isPresent()) {
            selfCheck(w.selfCheck().get(), json);
        } else {
            json.writeNullField("selfCheck");
        }
        json.writeNumberField("unboundedWallTimeMs", w.unboundedWallTimeMs());
        json.writeArrayFieldStart("options");
        for (int i = 0; i < w.options().size(); i++) {
            option(w.options().get(i), w.knee().isPresent() && w.knee().getAsInt() == i, json);
        }
        json.writeEndArray();
        json.writeEndObject();
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

    private static void selfCheck(SelfCheck check, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("selfCheck");
        json.writeNumberField("realWallTimeMs", check.realWallTimeMs());
        json.writeNumberField("predictedWallTimeMs", check.predicted().predictedWallTimeMs());
        json.writeNumberField("errorPct", round1(check.errorPct()));
        json.writeEndObject();
    }

    private static void option(SimulationResult r, boolean knee, JsonGenerator json) throws IOException {
        json.writeStartObject();
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
        json.writeBooleanField("knee", knee);
        json.writeEndObject();
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
