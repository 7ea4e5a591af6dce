package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.Environment;
import io.sparkwise.model.Executor;
import io.sparkwise.model.ExecutorMetrics;
import io.sparkwise.model.Job;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.ResourceProfile;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskDistributions;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The JSON report, documented field by field in {@code docs/json.md}. Written with jackson-core's
 * streaming generator alone: no databind, so the CLI starts fast and the field order is exactly
 * the order of this code.
 *
 * <p>Conventions: names and units of the History Server's {@code /api/v1} where it has the
 * quantity; an absent value is omitted, never written as 0; every timestamp {@code x} is written
 * as the History Server's GMT string under {@code x} and as epoch milliseconds under
 * {@code xEpoch}; maps without an order of their own are written sorted by key so output is stable.
 */
public final class JsonReport implements Renderer {

    /** Bumped on renames and removals only; additions keep it (see docs/json.md). */
    public static final int SCHEMA_VERSION = 1;

    /** The quantiles of each stage's {@code taskSummary}, as the History Server's default. */
    static final double[] QUANTILES = {0.0, 0.25, 0.5, 0.75, 1.0};

    /** How deep an application's object is in the document: in the root object's "applications" array. */
    private static final int APPLICATION_DEPTH = 1;

    /**
     * Streams the document: each application's object is flushed to {@code out} as soon as it is
     * written. It is written apart first, so one that fails leaves the document as it was.
     */
    @Override
    public Renderer.Document begin(Writer out) throws IOException {
        JsonGenerator json = JsonDocument.begin(out);
        Document document = new Document(json);
        document.begin();
        return new Renderer.Document() {
            @Override
            public void application(AnalyzedApplication application) throws IOException {
                StringWriter part = new StringWriter();
                try (JsonGenerator partJson = JsonDocument.part(part, APPLICATION_DEPTH)) {
                    new Document(partJson).application(application);
                }
                json.writeRawValue(part.toString());
                json.flush();
            }

            @Override
            public void end() throws IOException {
                document.end();
                JsonDocument.end(json, out);
            }
        };
    }

    /** One document being written: the generator and the writing methods around it. */
    private static final class Document {
        private final JsonGenerator json;

        Document(JsonGenerator json) {
            this.json = json;
        }

        void begin() throws IOException {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeStringField("generator", "sparkwise " + SparkwiseVersion.get());
            json.writeArrayFieldStart("applications");
        }

        void end() throws IOException {
            json.writeEndArray();
            json.writeEndObject();
        }

        private void application(AnalyzedApplication analyzed) throws IOException {
            Application app = analyzed.application();
            json.writeStartObject();
            info(app.info());
            new FindingsJson(json).write(analyzed.analysis());
            environment(app.environment());
            json.writeArrayFieldStart("resourceProfiles");
            for (ResourceProfile profile : app.resourceProfiles()) {
                resourceProfile(profile);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("jobs");
            for (Job job : app.jobs()) {
                job(job);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("stages");
            for (StageAttempt stage : app.stages()) {
                stage(stage);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("executors");
            for (Executor executor : app.executors()) {
                executor(executor);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sql");
            for (SqlExecution execution : app.sqlExecutions()) {
                sql(execution);
            }
            json.writeEndArray();
            taskFailures("taskFailures", app.taskFailures());
            readReport(app.readReport());
            json.writeEndObject();
        }

        private void info(ApplicationInfo info) throws IOException {
            json.writeObjectFieldStart("application");
            json.writeStringField("id", info.id());
            json.writeStringField("name", info.name());
            optString("attemptId", info.attemptId());
            json.writeStringField("sparkUser", info.sparkUser());
            optTime("startTime", info.startTime());
            optTime("endTime", info.endTime());
            time("lastEventTime", info.lastEventTime());
            json.writeNumberField("duration", info.duration());
            json.writeBooleanField("completed", info.completed());
            optString("appSparkVersion", info.sparkVersion());
            optString("sparkMaster", info.master());
            json.writeStringField("clusterManager", info.clusterManager().label());
            json.writeEndObject();
        }

        private void environment(Environment env) throws IOException {
            json.writeObjectFieldStart("environment");
            json.writeObjectFieldStart("runtime");
            optString("javaVersion", env.javaVersion());
            optString("javaHome", env.javaHome());
            optString("scalaVersion", env.scalaVersion());
            json.writeEndObject();
            json.writeArrayFieldStart("sparkProperties");
            for (Map.Entry<String, String> property : env.sparkProperties().entrySet()) {
                json.writeStartArray();
                json.writeString(property.getKey());
                json.writeString(property.getValue());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeNumberField("hadoopPropertyCount", env.hadoopProperties().size());
            json.writeNumberField("systemPropertyCount", env.systemProperties().size());
            json.writeNumberField("metricsPropertyCount", env.metricsProperties().size());
            json.writeNumberField("classpathEntryCount", env.classpathEntryCount());
            json.writeEndObject();
        }

        private void resourceProfile(ResourceProfile profile) throws IOException {
            json.writeStartObject();
            json.writeNumberField("id", profile.id());
            resourceAmounts("executorResources", profile.executorResources());
            resourceAmounts("taskResources", profile.taskResources());
            json.writeEndObject();
        }

        /** As the History Server's ResourceRequests: {"cores": {"resourceName": "cores", "amount": 4}}. */
        private void resourceAmounts(String name, Map<String, ? extends Number> amounts) throws IOException {
            json.writeObjectFieldStart(name);
            for (Map.Entry<String, ? extends Number> resource : new TreeMap<>(amounts).entrySet()) {
                json.writeObjectFieldStart(resource.getKey());
                json.writeStringField("resourceName", resource.getKey());
                json.writeFieldName("amount");
                // Task amounts are fractional (0.5 gpu per task), executor amounts whole.
                if (resource.getValue() instanceof Double amount) {
                    json.writeNumber(amount);
                } else {
                    json.writeNumber(resource.getValue().longValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }

        private void job(Job job) throws IOException {
            json.writeStartObject();
            json.writeNumberField("jobId", job.jobId());
            json.writeStringField("name", job.name());
            optString("description", job.description());
            optTime("submissionTime", job.submissionTime());
            optTime("completionTime", job.completionTime());
            intArray("stageIds", job.stageIds());
            optString("jobGroup", job.jobGroup());
            stringArray("jobTags", job.jobTags());
            json.writeStringField("status", job.status().name());
            json.writeNumberField("numTasks", job.numTasks());
            json.writeNumberField("numActiveTasks", job.numActiveTasks());
            json.writeNumberField("numCompletedTasks", job.numCompletedTasks());
            json.writeNumberField("numSkippedTasks", job.numSkippedTasks());
            json.writeNumberField("numFailedTasks", job.numFailedTasks());
            json.writeNumberField("numKilledTasks", job.numKilledTasks());
            json.writeNumberField("numCompletedIndices", job.numCompletedIndices());
            json.writeNumberField("numActiveStages", job.numActiveStages());
            json.writeNumberField("numCompletedStages", job.numCompletedStages());
            json.writeNumberField("numSkippedStages", job.numSkippedStages());
            json.writeNumberField("numFailedStages", job.numFailedStages());
            countMap("killedTasksSummary", job.killedTasksSummary());
            optLong("sqlExecutionId", job.sqlExecutionId());
            optString("failureReason", job.failureReason());
            json.writeEndObject();
        }

        private void stage(StageAttempt stage) throws IOException {
            json.writeStartObject();
            json.writeStringField("status", stage.status().name());
            json.writeNumberField("stageId", stage.stageId());
            json.writeNumberField("attemptId", stage.attemptId());
            json.writeNumberField("numTasks", stage.numTasks());
            json.writeNumberField("numActiveTasks", stage.numActiveTasks());
            json.writeNumberField("numCompleteTasks", stage.numCompleteTasks());
            json.writeNumberField("numFailedTasks", stage.numFailedTasks());
            json.writeNumberField("numKilledTasks", stage.numKilledTasks());
            json.writeNumberField("numCompletedIndices", stage.numCompletedIndices());
            optTime("submissionTime", stage.submissionTime());
            optTime("firstTaskLaunchedTime", stage.firstTaskLaunchedTime());
            optTime("completionTime", stage.completionTime());
            optString("failureReason", stage.failureReason());
            metrics(stage.metrics());
            json.writeStringField("name", stage.name());
            json.writeStringField("details", stage.details());
            optString("description", stage.description());
            json.writeStringField("schedulingPool", stage.schedulingPool());
            intArray("rddIds", stage.rddIds());
            countMap("killedTasksSummary", stage.killedTasksSummary());
            json.writeNumberField("resourceProfileId", stage.resourceProfileId());
            optExecutorMetrics("peakExecutorMetrics", stage.peakExecutorMetrics());
            intArray("parentStageIds", stage.parentStageIds());
            intArray("jobIds", stage.jobIds());
            taskSummary(stage.taskDistributions());
            taskFailures("taskFailures", stage.taskFailures());
            json.writeEndObject();
        }

        /** Every task metric by its History Server name, with shuffleReadBytes where the History Server puts it. */
        private void metrics(TaskMetricTotals metrics) throws IOException {
            for (TaskMetric metric : TaskMetric.values()) {
                json.writeNumberField(metric.apiName(), metrics.get(metric));
                if (metric == TaskMetric.SHUFFLE_LOCAL_BYTES_READ) {
                    json.writeNumberField("shuffleReadBytes", metrics.shuffleReadBytes());
                }
            }
        }

        private void taskSummary(TaskDistributions distributions) throws IOException {
            if (distributions.taskCount() == 0) {
                return;
            }
            json.writeObjectFieldStart("taskSummary");
            json.writeNumberField("taskCount", distributions.taskCount());
            json.writeArrayFieldStart("quantiles");
            for (double q : QUANTILES) {
                json.writeNumber(q);
            }
            json.writeEndArray();
            for (TaskQuantity quantity : TaskQuantity.values()) {
                QuantileSketch sketch = distributions.of(quantity);
                if (sketch.isEmpty()) {
                    continue;
                }
                json.writeArrayFieldStart(quantity.apiName());
                for (double q : QUANTILES) {
                    json.writeNumber(sketch.quantile(q));
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }

        private void taskFailures(String name, List<TaskFailureGroup> groups) throws IOException {
            json.writeArrayFieldStart(name);
            for (TaskFailureGroup group : groups) {
                json.writeStartObject();
                json.writeStringField("kind", group.kind().sparkName());
                json.writeStringField("cause", group.cause());
                json.writeNumberField("count", group.count());
                json.writeStringField("sampleMessage", group.sampleMessage());
                intArray("stageIds", group.stageIds());
                stringArray("executorIds", group.executorIds());
                json.writeNumberField("wastedTaskTime", group.wastedTaskTime());
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private void executor(Executor executor) throws IOException {
            json.writeStartObject();
            json.writeStringField("id", executor.id());
            json.writeStringField("hostPort", executor.hostPort());
            json.writeBooleanField("isActive", executor.isActive());
            json.writeNumberField("rddBlocks", executor.rddBlocks());
            json.writeNumberField("memoryUsed", executor.memoryUsed());
            json.writeNumberField("diskUsed", executor.diskUsed());
            json.writeNumberField("totalCores", executor.totalCores());
            json.writeNumberField("maxTasks", executor.maxTasks());
            json.writeNumberField("activeTasks", executor.activeTasks());
            json.writeNumberField("failedTasks", executor.failedTasks());
            json.writeNumberField("completedTasks", executor.completedTasks());
            json.writeNumberField("totalTasks", executor.totalTasks());
            json.writeNumberField("totalDuration", executor.totalDuration());
            json.writeNumberField("totalGCTime", executor.totalGCTime());
            json.writeNumberField("totalInputBytes", executor.totalInputBytes());
            json.writeNumberField("totalShuffleRead", executor.totalShuffleRead());
            json.writeNumberField("totalShuffleWrite", executor.totalShuffleWrite());
            json.writeNumberField("maxMemory", executor.maxMemory());
            time("addTime", executor.addTime());
            optTime("removeTime", executor.removeTime());
            optString("removeReason", executor.removeReason());
            stringMap("executorLogs", executor.executorLogs());
            if (executor.memoryMetrics().isPresent()) {
                memoryMetrics(executor.memoryMetrics().get());
            }
            optExecutorMetrics("peakMemoryMetrics", executor.peakMemoryMetrics());
            stringMap("attributes", executor.attributes());
            resources(executor.resources());
            json.writeNumberField("resourceProfileId", executor.resourceProfileId());
            json.writeBooleanField("isExcluded", executor.isExcluded());
            intArray("excludedInStages", executor.excludedInStages());
            json.writeEndObject();
        }

        private void memoryMetrics(Executor.MemoryMetrics memory) throws IOException {
            json.writeObjectFieldStart("memoryMetrics");
            json.writeNumberField("usedOnHeapStorageMemory", memory.usedOnHeapStorageMemory());
            json.writeNumberField("usedOffHeapStorageMemory", memory.usedOffHeapStorageMemory());
            json.writeNumberField("totalOnHeapStorageMemory", memory.totalOnHeapStorageMemory());
            json.writeNumberField("totalOffHeapStorageMemory", memory.totalOffHeapStorageMemory());
            json.writeEndObject();
        }

        /** As the History Server's ResourceInformation: {"gpu": {"name": "gpu", "addresses": [...]}}. */
        private void resources(Map<String, List<String>> resources) throws IOException {
            json.writeObjectFieldStart("resources");
            for (Map.Entry<String, List<String>> resource : new TreeMap<>(resources).entrySet()) {
                json.writeObjectFieldStart(resource.getKey());
                json.writeStringField("name", resource.getKey());
                stringArray("addresses", resource.getValue());
                json.writeEndObject();
            }
            json.writeEndObject();
        }

        private void sql(SqlExecution execution) throws IOException {
            json.writeStartObject();
            json.writeNumberField("id", execution.id());
            json.writeStringField("status", execution.status());
            json.writeStringField("description", execution.description());
            json.writeStringField("planDescription", execution.physicalPlanDescription());
            optTime("submissionTime", execution.submissionTime());
            optLong("duration", execution.duration());
            intArray("runningJobIds", execution.runningJobIds());
            intArray("successJobIds", execution.successJobIds());
            intArray("failedJobIds", execution.failedJobIds());
            optString("errorMessage", execution.errorMessage());
            optTime("completionTime", execution.completionTime());
            optLong("rootExecutionId", execution.rootExecutionId());
            if (execution.plan().isPresent()) {
                json.writeFieldName("plan");
                planNode(execution.plan().get(), execution.metricValues());
            }
            json.writeEndObject();
        }

        private void planNode(SparkPlanNode node, Map<Long, SqlExecution.SqlMetricValue> values) throws IOException {
            json.writeStartObject();
            json.writeStringField("nodeName", node.nodeName());
            json.writeStringField("simpleString", node.simpleString());
            if (!node.metadata().isEmpty()) {
                stringMap("metadata", node.metadata());
            }
            json.writeArrayFieldStart("metrics");
            for (SparkPlanNode.SqlMetric metric : node.metrics()) {
                json.writeStartObject();
                json.writeStringField("name", metric.name());
                json.writeNumberField("accumulatorId", metric.accumulatorId());
                json.writeStringField("metricType", metric.metricType());
                SqlExecution.SqlMetricValue value = values.get(metric.accumulatorId());
                if (value != null) {
                    json.writeNumberField("value", value.sum());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("children");
            for (SparkPlanNode child : node.children()) {
                planNode(child, values);
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private void readReport(ReadReport report) throws IOException {
            json.writeObjectFieldStart("readReport");
            json.writeStringField("source", report.source());
            stringArray("files", report.files());
            json.writeNumberField("bytesRead", report.bytesRead());
            json.writeNumberField("lines", report.lines());
            json.writeNumberField("events", report.events());
            countMap("eventCounts", report.eventCounts());
            countMap("unknownEvents", report.unknownEvents());
            json.writeArrayFieldStart("damagedLines");
            for (ReadReport.DamagedLine line : report.damagedLines()) {
                json.writeStartObject();
                json.writeStringField("file", line.file());
                json.writeNumberField("line", line.line());
                json.writeStringField("reason", line.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("damagedLineCount", report.damagedLineCount());
            json.writeBooleanField("truncatedLastLine", report.truncatedLastLine());
            json.writeBooleanField("inProgress", report.inProgress());
            stringArray("notes", report.notes());
            json.writeEndObject();
        }

        private void optExecutorMetrics(String name, Optional<ExecutorMetrics> metrics) throws IOException {
            if (metrics.isEmpty()) {
                return;
            }
            json.writeObjectFieldStart(name);
            // Spark's own order (the log's), as the History Server writes it.
            for (Map.Entry<String, Long> peak : metrics.get().peaks().entrySet()) {
                json.writeNumberField(peak.getKey(), peak.getValue());
            }
            json.writeEndObject();
        }

        private void time(String name, long epochMillis) throws IOException {
            json.writeStringField(name, SparkTime.historyServer(epochMillis));
            json.writeNumberField(name + "Epoch", epochMillis);
        }

        private void optTime(String name, OptionalLong epochMillis) throws IOException {
            if (epochMillis.isPresent()) {
                time(name, epochMillis.getAsLong());
            }
        }

        private void optLong(String name, OptionalLong value) throws IOException {
            if (value.isPresent()) {
                json.writeNumberField(name, value.getAsLong());
            }
        }

        private void optString(String name, Optional<String> value) throws IOException {
            if (value.isPresent()) {
                json.writeStringField(name, value.get());
            }
        }

        private void intArray(String name, List<Integer> values) throws IOException {
            json.writeArrayFieldStart(name);
            for (int value : values) {
                json.writeNumber(value);
            }
            json.writeEndArray();
        }

        private void stringArray(String name, List<String> values) throws IOException {
            json.writeArrayFieldStart(name);
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        }

        private void stringMap(String name, Map<String, String> map) throws IOException {
            json.writeObjectFieldStart(name);
            for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }

        private void countMap(String name, Map<String, ? extends Number> map) throws IOException {
            json.writeObjectFieldStart(name);
            for (Map.Entry<String, ? extends Number> entry : new TreeMap<>(map).entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue().longValue());
            }
            json.writeEndObject();
        }
    }
}
