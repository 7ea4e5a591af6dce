package io.sparkwise.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkwise.model.Application;
import io.sparkwise.model.Environment;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.ResourceProfile;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.sparkwise.report.AppFixture.START;
import static io.sparkwise.report.AppFixture.app;
import static io.sparkwise.report.AppFixture.stageAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void render_twoApplications_writesOneDocumentWithSchemaVersionAndGenerator() throws IOException {
        JsonNode doc = render(app().build(), app().id("local-2").build());

        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("generator").asText()).isEqualTo("sparkwise " + SparkwiseVersion.get());
        assertThat(doc.get("applications")).hasSize(2);
        assertThat(doc.at("/applications/1/application/id").asText()).isEqualTo("local-2");
    }

    @Test
    void render_version_isFilledInByMaven() {
        assertThat(SparkwiseVersion.get()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void render_completedApplication_writesHistoryServerFieldsAndTimes() throws IOException {
        JsonNode info = first(app().attemptId("1").build()).get("application");

        assertThat(info.get("id").asText()).isEqualTo("local-1795562771711");
        assertThat(info.get("name").asText()).isEqualTo("example-small");
        assertThat(info.get("attemptId").asText()).isEqualTo("1");
        assertThat(info.get("sparkUser").asText()).isEqualTo("root");
        // The same strings and epochs as the History Server's /applications for this log.
        assertThat(info.get("startTime").asText()).isEqualTo("2026-11-24T23:26:10.727GMT");
        assertThat(info.get("startTimeEpoch").asLong()).isEqualTo(1795562770727L);
        assertThat(info.get("endTime").asText()).isEqualTo("2026-11-24T23:26:17.652GMT");
        assertThat(info.get("endTimeEpoch").asLong()).isEqualTo(1795562777652L);
        assertThat(info.get("lastEventTimeEpoch").asLong()).isEqualTo(1795562777652L);
        assertThat(info.get("duration").asLong()).isEqualTo(6925);
        assertThat(info.get("completed").asBoolean()).isTrue();
        assertThat(info.get("appSparkVersion").asText()).isEqualTo("4.0.1");
        assertThat(info.get("sparkMaster").asText()).isEqualTo("local[2]");
        assertThat(info.get("clusterManager").asText()).isEqualTo("local");
    }

    @Test
    void render_absentValues_areOmittedNotZero() throws IOException {
        Application bare = app().bare().incomplete(4000, false)
                .job(new io.sparkwise.model.Job(0, "job", Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        List.of(), Optional.empty(), List.of(), JobStatus.RUNNING, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        Map.of(), OptionalLong.empty(), Optional.empty()))
                .stage(stageAttempt(1, 0).status(StageStatus.ACTIVE).times(OptionalLong.empty(), OptionalLong.empty()).build())
                .executor(AppFixture.driver(2))
                .sql(AppFixture.sqlExecution(0, "running query", OptionalLong.empty()))
                .build();

        JsonNode entry = first(bare);

        assertThat(names(entry.get("application")))
                .doesNotContain("attemptId", "startTime", "startTimeEpoch", "endTime", "endTimeEpoch",
                        "appSparkVersion", "sparkMaster");
        assertThat(entry.at("/application/completed").asBoolean()).isFalse();
        assertThat(names(entry.at("/environment/runtime"))).isEmpty();
        assertThat(names(entry.at("/jobs/0"))).doesNotContain("description", "submissionTime", "completionTime",
                "jobGroup", "sqlExecutionId", "failureReason");
        assertThat(names(entry.at("/stages/0"))).doesNotContain("submissionTime", "submissionTimeEpoch",
                "firstTaskLaunchedTime", "completionTime", "failureReason", "description", "peakExecutorMetrics",
                "taskSummary");
        assertThat(names(entry.at("/executors/0"))).doesNotContain("removeTime", "removeTimeEpoch", "removeReason",
                "memoryMetrics", "peakMemoryMetrics");
        assertThat(names(entry.at("/sql/0"))).doesNotContain("duration", "completionTime", "errorMessage");
        // Accumulator 42 got no update: the metric is listed, its value is not invented.
        assertThat(names(entry.at("/sql/0/plan/metrics/0"))).containsExactly("name", "accumulatorId", "metricType");
    }

    @Test
    void render_stage_writesEveryTaskMetricByHistoryServerNameWithShuffleReadBytes() throws IOException {
        Application application = app().stage(stageAttempt(3, 1)
                .metrics(Map.of(TaskMetric.EXECUTOR_RUN_TIME, 123L, TaskMetric.EXECUTOR_CPU_TIME, 72_205_458L,
                        TaskMetric.SHUFFLE_LOCAL_BYTES_READ, 626_479L, TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 1000L))
                .build()).build();

        JsonNode stage = first(application).at("/stages/0");

        for (TaskMetric metric : TaskMetric.values()) {
            assertThat(stage.has(metric.apiName())).as(metric.apiName()).isTrue();
        }
        assertThat(stage.get("stageId").asInt()).isEqualTo(3);
        assertThat(stage.get("attemptId").asInt()).isEqualTo(1);
        assertThat(stage.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(stage.get("executorRunTime").asLong()).isEqualTo(123);
        assertThat(stage.get("executorCpuTime").asLong()).isEqualTo(72_205_458L);
        assertThat(stage.get("shuffleReadBytes").asLong()).isEqualTo(627_479L);
        List<String> names = names(stage);
        assertThat(names.indexOf("shuffleReadBytes")).isEqualTo(names.indexOf("shuffleLocalBytesRead") + 1);
        assertThat(stage.get("submissionTime").asText()).isEqualTo("2026-11-24T23:26:11.727GMT");
        assertThat(stage.get("submissionTimeEpoch").asLong()).isEqualTo(START + 1000);
        assertThat(stage.get("rddIds").toString()).isEqualTo("[6]");
        assertThat(stage.get("jobIds").toString()).isEqualTo("[0]");
        assertThat(stage.get("parentStageIds").toString()).isEqualTo("[]");
    }

    @Test
    void render_stageDistributions_writesTaskSummaryOfPresentQuantitiesOnly() throws IOException {
        Application application = app().stage(stageAttempt(0, 0)
                .distribution(TaskQuantity.DURATION, 10, 20, 30, 40, 1000)
                .distribution(TaskQuantity.SHUFFLE_READ_BYTES, 0, 0, 0, 0, 5)
                .build()).build();

        JsonNode summary = first(application).at("/stages/0/taskSummary");

        assertThat(names(summary)).containsExactly("taskCount", "quantiles", "duration", "shuffleReadBytes");
        assertThat(summary.get("taskCount").asLong()).isEqualTo(5);
        assertThat(summary.get("quantiles").toString()).isEqualTo("[0.0,0.25,0.5,0.75,1.0]");
        JsonNode duration = summary.get("duration");
        assertThat(duration.get(0).asLong()).isEqualTo(10);
        assertThat(duration.get(1).asDouble()).isCloseTo(20, within(0.2));
        assertThat(duration.get(2).asDouble()).isCloseTo(30, within(0.3));
        assertThat(duration.get(3).asDouble()).isCloseTo(40, within(0.4));
        assertThat(duration.get(4).asLong()).isEqualTo(1000);
        assertThat(summary.get("shuffleReadBytes").toString()).isEqualTo("[0,0,0,0,5]");
    }

    @Test
    void render_taskFailures_writesGroupsAtApplicationAndStage() throws IOException {
        var group = AppFixture.failure(TaskFailureKind.EXCEPTION_FAILURE, "java.lang.OutOfMemoryError", 3, 4500);
        Application application = app().taskFailure(group).stage(stageAttempt(3, 0).failure(group).build()).build();

        JsonNode entry = first(application);

        JsonNode failure = entry.at("/taskFailures/0");
        assertThat(failure.get("kind").asText()).isEqualTo("ExceptionFailure");
        assertThat(failure.get("cause").asText()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(failure.get("count").asInt()).isEqualTo(3);
        assertThat(failure.get("sampleMessage").asText()).startsWith("java.lang.OutOfMemoryError: boom\n");
        assertThat(failure.get("stageIds").toString()).isEqualTo("[3]");
        assertThat(failure.get("executorIds").toString()).isEqualTo("[\"1\"]");
        assertThat(failure.get("wastedTaskTime").asLong()).isEqualTo(4500);
        assertThat(entry.at("/stages/0/taskFailures/0")).isEqualTo(failure);
    }

    @Test
    void render_environment_writesPropertiesAsPairsInLogOrderAndCounts() throws IOException {
        Map<String, String> spark = new LinkedHashMap<>();
        spark.put("spark.master", "local[2]");
        spark.put("spark.app.name", "example-small");
        Environment env = new Environment(Optional.of("17.0.15 (Debian)"), Optional.of("/usr/lib/jvm/java-17"),
                Optional.of("version 2.13.16"), spark, Map.of("fs.defaultFS", "file:///"),
                Map.of("a", "1", "b", "2"), Map.of(), 42);

        JsonNode environment = first(app().environment(env).build()).get("environment");

        assertThat(environment.at("/runtime/javaVersion").asText()).isEqualTo("17.0.15 (Debian)");
        assertThat(environment.at("/runtime/scalaVersion").asText()).isEqualTo("version 2.13.16");
        assertThat(environment.get("sparkProperties").toString())
                .isEqualTo("[[\"spark.master\",\"local[2]\"],[\"spark.app.name\",\"example-small\"]]");
        assertThat(environment.get("hadoopPropertyCount").asInt()).isEqualTo(1);
        assertThat(environment.get("systemPropertyCount").asInt()).isEqualTo(2);
        assertThat(environment.get("metricsPropertyCount").asInt()).isZero();
        assertThat(environment.get("classpathEntryCount").asInt()).isEqualTo(42);
    }

    @Test
    void render_resourceProfile_writesHistoryServerShape() throws IOException {
        ResourceProfile profile = new ResourceProfile(0, Map.of("memory", 1024L, "cores", 1L), Map.of("cpus", 1.0));

        JsonNode written = first(app().resourceProfile(profile).build()).at("/resourceProfiles/0");

        assertThat(written.toString()).isEqualTo("{\"id\":0,\"executorResources\":{"
                + "\"cores\":{\"resourceName\":\"cores\",\"amount\":1},"
                + "\"memory\":{\"resourceName\":\"memory\",\"amount\":1024}},"
                + "\"taskResources\":{\"cpus\":{\"resourceName\":\"cpus\",\"amount\":1.0}}}");
    }

    @Test
    void render_job_writesJobDataFields() throws IOException {
        JsonNode job = first(app().job(AppFixture.job(4, JobStatus.SUCCEEDED, 1, 8)).build()).at("/jobs/0");

        assertThat(names(job)).startsWith("jobId", "name", "submissionTime", "submissionTimeEpoch",
                "completionTime", "completionTimeEpoch", "stageIds", "jobTags", "status", "numTasks");
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("numTasks").asInt()).isEqualTo(9);
        assertThat(job.get("numSkippedTasks").asInt()).isEqualTo(8);
        assertThat(job.get("numSkippedStages").asInt()).isEqualTo(1);
        assertThat(job.get("killedTasksSummary").toString()).isEqualTo("{}");
    }

    @Test
    void render_executor_writesExecutorSummaryFields() throws IOException {
        Application application = app().executor(AppFixture.executor("7", 4, OptionalLong.of(START + 5000),
                Optional.of("Container killed by YARN for exceeding physical memory limits"))).build();

        JsonNode executor = first(application).at("/executors/0");

        assertThat(executor.get("id").asText()).isEqualTo("7");
        assertThat(executor.get("hostPort").asText()).isEqualTo("host-7:7337");
        assertThat(executor.get("isActive").asBoolean()).isFalse();
        assertThat(executor.get("totalCores").asInt()).isEqualTo(4);
        assertThat(executor.get("totalShuffleRead").asLong()).isEqualTo(630_063);
        assertThat(executor.get("addTime").asText()).isEqualTo("2026-11-24T23:26:11.227GMT");
        assertThat(executor.get("removeTime").asText()).isEqualTo("2026-11-24T23:26:15.727GMT");
        assertThat(executor.get("removeTimeEpoch").asLong()).isEqualTo(START + 5000);
        assertThat(executor.get("removeReason").asText()).startsWith("Container killed");
        assertThat(executor.get("excludedInStages").toString()).isEqualTo("[]");
        assertThat(names(executor)).contains("rddBlocks", "memoryUsed", "diskUsed", "maxTasks", "activeTasks",
                "failedTasks", "completedTasks", "totalTasks", "totalDuration", "totalGCTime", "totalInputBytes",
                "totalShuffleWrite", "maxMemory", "executorLogs", "attributes", "resources", "resourceProfileId",
                "isExcluded");
    }

    @Test
    void render_stagePeakExecutorMetrics_keepsSparkOrder() throws IOException {
        Map<String, Long> peaks = new LinkedHashMap<>();
        peaks.put("JVMHeapMemory", 300L);
        peaks.put("JVMOffHeapMemory", 100L);
        peaks.put("TotalGCTime", 7L);

        JsonNode stage = first(app().stage(stageAttempt(0, 0).peakExecutorMetrics(peaks).build()).build()).at("/stages/0");

        assertThat(stage.get("peakExecutorMetrics").toString())
                .isEqualTo("{\"JVMHeapMemory\":300,\"JVMOffHeapMemory\":100,\"TotalGCTime\":7}");
    }

    @Test
    void render_sqlExecution_writesNestedPlanWithMetricValues() throws IOException {
        JsonNode sql = first(app().sql(AppFixture.sqlExecution(0, "collect at Workloads.java:95",
                OptionalLong.of(2818))).build()).at("/sql/0");

        assertThat(sql.get("id").asLong()).isZero();
        assertThat(sql.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(sql.get("description").asText()).isEqualTo("collect at Workloads.java:95");
        assertThat(sql.get("planDescription").asText()).startsWith("== Physical Plan ==");
        assertThat(sql.get("submissionTime").asText()).isEqualTo("2026-11-24T23:26:12.727GMT");
        assertThat(sql.get("duration").asLong()).isEqualTo(2818);
        assertThat(sql.get("successJobIds").toString()).isEqualTo("[0,1]");
        JsonNode plan = sql.get("plan");
        assertThat(plan.get("nodeName").asText()).isEqualTo("HashAggregate");
        JsonNode range = plan.at("/children/0");
        assertThat(range.get("nodeName").asText()).isEqualTo("Range");
        assertThat(range.get("children")).isEmpty();
        assertThat(range.at("/metrics/0").toString()).isEqualTo(
                "{\"name\":\"number of output rows\",\"accumulatorId\":41,\"metricType\":\"sum\",\"value\":200000}");
    }

    @Test
    void render_readReport_writesCountsAndDamagedLines() throws IOException {
        ReadReport report = AppFixture.readReport(
                List.of(new ReadReport.DamagedLine("/logs/app", 17, "Unexpected end-of-input")), 1);

        JsonNode read = first(app().readReport(report).build()).get("readReport");

        assertThat(read.get("source").asText()).isEqualTo("/logs/local-1795562771711");
        assertThat(read.get("bytesRead").asLong()).isEqualTo(2_097_152);
        assertThat(read.get("events").asLong()).isEqualTo(118);
        // Sorted by name, so the same log always gives the same bytes.
        assertThat(read.get("eventCounts").toString())
                .isEqualTo("{\"SparkListenerJobStart\":18,\"SparkListenerTaskEnd\":100}");
        assertThat(read.get("damagedLines").toString())
                .isEqualTo("[{\"file\":\"/logs/app\",\"line\":17,\"reason\":\"Unexpected end-of-input\"}]");
        assertThat(read.get("damagedLineCount").asLong()).isEqualTo(1);
        assertThat(read.get("truncatedLastLine").asBoolean()).isFalse();
        assertThat(read.get("inProgress").asBoolean()).isFalse();
    }

    @Test
    void render_sameApplicationTwice_givesIdenticalBytes() throws IOException {
        Application application = app().resourceProfile(new ResourceProfile(0,
                Map.of("cores", 1L, "memory", 1024L, "offHeap", 0L, "gpu", 1L), Map.of("cpus", 1.0, "gpu", 0.5))).build();

        assertThat(text(application)).isEqualTo(text(application));
    }

    private JsonNode render(Application... applications) throws IOException {
        return MAPPER.readTree(text(applications));
    }

    private static String text(Application... applications) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReport().render(java.util.Arrays.stream(applications).map(AnalyzedApplication::withoutFindings).toList(), out);
        return out.toString();
    }

    private JsonNode first(Application application) throws IOException {
        return render(application).at("/applications/0");
    }

    private List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
