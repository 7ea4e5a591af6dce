package io.sparkwise.report.compare;

import io.sparkwise.analysis.compare.Comparison;
import io.sparkwise.analysis.compare.ConfigChange;
import io.sparkwise.analysis.compare.ExecutorLayout;
import io.sparkwise.analysis.compare.FindingChange;
import io.sparkwise.analysis.compare.MetricDelta;
import io.sparkwise.analysis.compare.RunIdentity;
import io.sparkwise.analysis.compare.StageDelta;
import io.sparkwise.analysis.compare.StageRun;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.report.JsonDocument;
import io.sparkwise.report.SparkwiseVersion;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * The comparison as JSON, documented in {@code docs/json.md} ("compare"). Its own schema version:
 * it is a different document from the analyze report and changes on its own schedule.
 */
final class ComparisonJson implements ComparisonRenderer {

    /** Bumped on renames and removals only; additions keep it. */
    static final int SCHEMA_VERSION = 1;

    @Override
    public void render(Comparison comparison, Writer out) throws IOException {
        JsonDocument.write(out, json -> write(comparison, json));
    }

    private static void write(Comparison c, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("generator", "sparkwise " + SparkwiseVersion.get());
        run("before", c.before(), json);
        run("after", c.after(), json);
        json.writeArrayFieldStart("metrics");
        for (MetricDelta m : c.metrics()) {
            metric(m, json);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("executors");
        executors("before", c.beforeExecutors(), json);
        executors("after", c.afterExecutors(), json);
        json.writeEndObject();
        json.writeArrayFieldStart("configChanges");
        for (ConfigChange change : c.configChanges()) {
            config(change, json);
        }
        json.writeEndArray();
        stages(c, json);
        json.writeObjectFieldStart("findings");
        findings("appeared", c.appearedFindings(), json);
        findings("disappeared", c.disappearedFindings(), json);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void run(String field, RunIdentity run, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("id", run.applicationId());
        json.writeStringField("name", run.name());
        optional("attemptId", run.attemptId(), json);
        optional("appSparkVersion", run.sparkVersion(), json);
        optional("sparkMaster", run.master(), json);
        json.writeBooleanField("completed", run.completed());
        json.writeStringField("source", run.source());
        json.writeEndObject();
    }

    private static void metric(MetricDelta m, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", m.metric().apiName());
        json.writeStringField("group", m.metric().group().apiName());
        json.writeStringField("unit", m.metric().unit().apiName());
        json.writeNumberField("before", m.before());
        json.writeNumberField("after", m.after());
        json.writeNumberField("delta", m.delta());
        if (m.changePct().isPresent()) {
            json.writeNumberField("changePct", Math.round(m.changePct().getAsDouble() * 10) / 10.0);
        }
        json.writeEndObject();
    }

    private static void executors(String field, ExecutorLayout layout, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("executors", layout.executors());
        json.writeNumberField("totalCores", layout.totalCores());
        json.writeNumberField("coresPerExecutor", layout.coresPerExecutor());
        json.writeNumberField("storageMemoryPerExecutor", layout.storageMemoryPerExecutor());
        optional("executorMemory", layout.executorMemory(), json);
        optional("driverMemory", layout.driverMemory(), json);
        json.writeEndObject();
    }

    private static void config(ConfigChange change, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", change.key());
        json.writeStringField("change", change.kind().name().toLowerCase(java.util.Locale.ROOT));
        optional("before", change.before(), json);
        optional("after", change.after(), json);
        json.writeEndObject();
    }

    private static void stages(Comparison c, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("stages");
        json.writeArrayFieldStart("matched");
        for (StageDelta d : c.matchedStages()) {
            json.writeStartObject();
            stage("before", d.before(), json);
            stage("after", d.after(), json);
            json.writeNumberField("durationDelta", d.durationDelta());
            json.writeNumberField("executorRunTimeDelta", d.executorRunTimeDelta());
            json.writeEndObject();
        }
        json.writeEndArray();
        stageList("added", c.addedStages(), json);
        stageList("removed", c.removedStages(), json);
        json.writeEndObject();
    }

    private static void stageList(String field, List<StageRun> stages, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (StageRun s : stages) {
            stage(null, s, json);
        }
        json.writeEndArray();
    }

    private static void stage(String field, StageRun s, JsonGenerator json) throws IOException {
        if (field == null) {
            json.writeStartObject();
        } else {
            json.writeObjectFieldStart(field);
        }
        json.writeNumberField("stageId", s.stageId());
        json.writeStringField("name", s.name());
        json.writeStringField("status", s.status().name());
        json.writeNumberField("attempts", s.attempts());
        json.writeNumberField("numTasks", s.numTasks());
        json.writeNumberField("duration", s.duration());
        json.writeNumberField("executorRunTime", s.executorRunTime());
        optional("sqlDescription", s.sqlDescription(), json);
        json.writeEndObject();
    }

    private static void findings(String field, List<FindingChange> findings, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (FindingChange f : findings) {
            json.writeStartObject();
            json.writeStringField("ruleId", f.ruleId());
            json.writeStringField("scope", f.scope());
            json.writeStringField("severity", f.severity().label());
            json.writeStringField("title", f.title());
            json.writeNumberField("wastedCoreSeconds", Math.round(f.wastedCoreSeconds() * 10) / 10.0);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void optional(String field, Optional<String> value, JsonGenerator json) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }
}
