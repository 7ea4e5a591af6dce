package io.sparkwise.eventlog;

import io.sparkwise.model.Application;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.state.ApplicationState;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.ApplicationEnd;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.BlockManagerAdded;
import io.sparkwise.state.event.DriverAccumUpdates;
import io.sparkwise.state.event.EnvironmentUpdate;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.ExecutorExcluded;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.LogStart;
import io.sparkwise.state.event.MetricValues;
import io.sparkwise.state.event.ResourceProfileAdded;
import io.sparkwise.state.event.SparkEvent;
import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.SqlMetricInfo;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageExecutorMetrics;
import io.sparkwise.state.event.StageInfo;
import io.sparkwise.state.event.StageSubmitted;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskEndReason;
import io.sparkwise.state.event.TaskInfo;
import io.sparkwise.state.event.TaskStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same small SQL application twice: as typed records built in Java (what a live SparkListener
 * adapter hands the state, no JSON anywhere) and as the JSON lines Spark's JsonProtocol writes for
 * them, read back by {@link EventLogReader}. Both give the same {@link Application}.
 */
class TypedEventsTest {

    @TempDir
    Path dir;

    private final List<SparkEvent> events = new ArrayList<>();
    private final SyntheticLog log = new SyntheticLog();

    private void both(SparkEvent event, String json) {
        events.add(event);
        log.add(json);
    }

    @Test
    void snapshot_typedRecordsOfALog_equalsTheApplicationReadFromItsJson() throws IOException {
        writeApplication();
        Path file = log.write(dir.resolve("app-typed"));
        EventLogReader reader = new EventLogReader();
        Application fromJson = reader.read(reader.discover(file.toString()).get(0));

        ApplicationState state = new ApplicationState();
        events.forEach(state::onEvent);
        Application fromRecords = state.snapshot(fromJson.readReport(), "unused");

        SameApplication.assertSame(fromRecords, fromJson);
        // The application is not trivial: every concern took part.
        assertThat(fromJson.readReport().unknownEvents()).isEmpty();
        assertThat(fromJson.stages()).hasSize(1);
        assertThat(fromJson.stage(0, 0).orElseThrow().numFailedTasks()).isEqualTo(1);
        assertThat(fromJson.taskFailures()).hasSize(2);
        assertThat(fromJson.sqlExecutions().get(0).metricValues()).containsKey(7L);
        assertThat(fromJson.executor("2").orElseThrow().isExcluded()).isTrue();
        assertThat(fromJson.executor("1").orElseThrow().peakMemoryMetrics()).isPresent();
        assertThat(fromJson.info().sparkVersion()).contains("3.5.1");
    }

    private void writeApplication() {
        both(new LogStart(Optional.of("3.5.1")), "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.1\"}");
        both(new ApplicationStart("typed", Optional.of("app-typed"), OptionalLong.of(1000), "alice", Optional.empty(),
                        Map.of(), Map.of()),
                "{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"typed\",\"App ID\":\"app-typed\","
                        + "\"Timestamp\":1000,\"User\":\"alice\"}");
        Map<String, String> spark = new LinkedHashMap<>();
        spark.put("spark.master", "yarn");
        spark.put("spark.executor.cores", "4");
        both(new EnvironmentUpdate(Map.of("Java Version", "17"), spark, Map.of(), Map.of(), Map.of(), 2),
                "{\"Event\":\"SparkListenerEnvironmentUpdate\",\"JVM Information\":{\"Java Version\":\"17\"},"
                        + "\"Spark Properties\":{\"spark.master\":\"yarn\",\"spark.executor.cores\":\"4\"},"
                        + "\"Hadoop Properties\":{},\"System Properties\":{},\"Metrics Properties\":{},"
                        + "\"Classpath Entries\":{\"/a.jar\":\"System Classpath\",\"/b.jar\":\"System Classpath\"}}");
        both(new ResourceProfileAdded(0, Map.of("cores", 4L, "memory", 4096L), Map.of("cpus", 1.0)),
                "{\"Event\":\"SparkListenerResourceProfileAdded\",\"Resource Profile Id\":0,"
                        + "\"Executor Resource Requests\":{\"cores\":{\"Resource Name\":\"cores\",\"Amount\":4},"
                        + "\"memory\":{\"Resource Name\":\"memory\",\"Amount\":4096}},"
                        + "\"Task Resource Requests\":{\"cpus\":{\"Resource Name\":\"cpus\",\"Amount\":1.0}}}");
        both(new BlockManagerAdded(1050, "driver", "d1", 4040, 500, OptionalLong.of(400), OptionalLong.of(100)),
                "{\"Event\":\"SparkListenerBlockManagerAdded\",\"Block Manager ID\":{\"Executor ID\":\"driver\","
                        + "\"Host\":\"d1\",\"Port\":4040},\"Maximum Memory\":500,\"Timestamp\":1050,"
                        + "\"Maximum Onheap Memory\":400,\"Maximum Offheap Memory\":100}");
        for (String id : List.of("1", "2")) {
            both(new ExecutorAdded(1100, id, "h" + id, 4, 0, Map.of("stdout", "http://h" + id + "/stdout"), Map.of(),
                            Map.of()),
                    "{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":1100,\"Executor ID\":\"" + id + "\","
                            + "\"Executor Info\":{\"Host\":\"h" + id + "\",\"Total Cores\":4,"
                            + "\"Log Urls\":{\"stdout\":\"http://h" + id + "/stdout\"},\"Resource Profile Id\":0}}");
        }
        SparkPlanInfo plan = new SparkPlanInfo("HashAggregate", "HashAggregate(keys=[])",
                List.of(new SparkPlanInfo("Scan parquet", "Scan parquet db.t", List.of(), Map.of("Location", "s3://b/t"),
                        List.of(new SqlMetricInfo("number of output rows", 7, "sum")))),
                Map.of(), List.of(new SqlMetricInfo("time in aggregation build", 8, "timing")));
        both(new SqlExecutionStart(0, OptionalLong.empty(), "count", "details", "== Physical Plan ==", Optional.of(plan),
                        OptionalLong.of(1140)),
                "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart\",\"executionId\":0,"
                        + "\"description\":\"count\",\"details\":\"details\",\"physicalPlanDescription\":\"== Physical Plan ==\","
                        + "\"sparkPlanInfo\":{\"nodeName\":\"HashAggregate\",\"simpleString\":\"HashAggregate(keys=[])\","
                        + "\"children\":[{\"nodeName\":\"Scan parquet\",\"simpleString\":\"Scan parquet db.t\",\"children\":[],"
                        + "\"metadata\":{\"Location\":\"s3://b/t\"},\"metrics\":[{\"name\":\"number of output rows\","
                        + "\"accumulatorId\":7,\"metricType\":\"sum\"}]}],\"metadata\":{},\"metrics\":[{\"name\":"
                        + "\"time in aggregation build\",\"accumulatorId\":8,\"metricType\":\"timing\"}]},\"time\":1140}");
        both(new JobStart(0, OptionalLong.of(1150), List.of(stageInfo(-1, -1, null)), List.of(0),
                        Map.of("spark.sql.execution.id", "0", "spark.job.description", "count rows")),
                "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":0,\"Submission Time\":1150,\"Stage Infos\":["
                        + stageInfoJson(-1, -1, null) + "],\"Stage IDs\":[0],\"Properties\":{\"spark.sql.execution.id\":\"0\","
                        + "\"spark.job.description\":\"count rows\"}}");
        both(new StageSubmitted(stageInfo(1200, -1, null), Map.of("spark.scheduler.pool", "etl")),
                "{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":" + stageInfoJson(1200, -1, null)
                        + ",\"Properties\":{\"spark.scheduler.pool\":\"etl\"}}");
        for (int t = 0; t < 3; t++) {
            both(new TaskStart(0, 0, taskInfo(t, 0, AccumulatorUpdates.EMPTY)),
                    SyntheticLog.taskStart(0, t, t, t == 2 ? "2" : "1", 1210 + t).replace("\"Host\":\"h1\"", "\"Host\":\"h\""));
        }
        both(new TaskEnd(0, 0, TaskEndReason.SUCCESS, taskInfo(0, 1500, AccumulatorUpdates.of(new long[] {7, 8},
                        new long[] {100, 12}, 2)), MetricValues.of(Map.of("JVMHeapMemory", 900L)),
                        Optional.of(metrics(280, 1000))),
                taskEndJson(0, 1500, "{\"Reason\":\"Success\"}", 280,
                        "[{\"ID\":7,\"Name\":\"number of output rows\",\"Update\":\"100\",\"Value\":\"100\",\"Internal\":true},"
                                + "{\"ID\":8,\"Update\":12,\"Value\":12}]",
                        ",\"Task Executor Metrics\":{\"JVMHeapMemory\":900}"));
        both(new TaskEnd(0, 0, new TaskEndReason.ExceptionFailure(Optional.of("java.io.IOException"), "disk full"),
                        taskInfo(1, 1600, AccumulatorUpdates.EMPTY), MetricValues.EMPTY, Optional.of(metrics(300, 0))),
                taskEndJson(1, 1600, "{\"Reason\":\"ExceptionFailure\",\"Class Name\":\"java.io.IOException\","
                        + "\"Description\":\"disk full\",\"Stack Trace\":[]}", 300, "[]", ""));
        both(new TaskEnd(0, 0, new TaskEndReason.TaskKilled(Optional.of("another attempt succeeded")),
                        taskInfo(2, 1700, AccumulatorUpdates.EMPTY), MetricValues.EMPTY, Optional.empty()),
                "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":0,\"Stage Attempt ID\":0,\"Task Type\":\"ResultTask\","
                        + "\"Task End Reason\":{\"Reason\":\"TaskKilled\",\"Kill Reason\":\"another attempt succeeded\"},"
                        + "\"Task Info\":" + taskInfoJson(2, 1700, "[]") + "}");
        both(new StageExecutorMetrics("1", 0, 0, MetricValues.of(Map.of("JVMHeapMemory", 950L))),
                "{\"Event\":\"SparkListenerStageExecutorMetrics\",\"Executor ID\":\"1\",\"Stage ID\":0,"
                        + "\"Stage Attempt ID\":0,\"Executor Metrics\":{\"JVMHeapMemory\":950}}");
        both(new StageCompleted(stageInfo(1200, 1800, null)),
                "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":" + stageInfoJson(1200, 1800, null) + "}");
        both(new JobEnd(0, OptionalLong.of(1810), true, Optional.empty()),
                "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":0,\"Completion Time\":1810,"
                        + "\"Job Result\":{\"Result\":\"JobSucceeded\"}}");
        both(new DriverAccumUpdates(0, AccumulatorUpdates.of(new long[] {8}, new long[] {5}, 1)),
                "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates\",\"executionId\":0,"
                        + "\"accumUpdates\":[[8,5]]}");
        both(new SqlExecutionEnd(0, OptionalLong.of(1820), Optional.empty()),
                "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd\",\"executionId\":0,"
                        + "\"time\":1820}");
        both(new ExecutorExcluded(1830, "2"),
                "{\"Event\":\"SparkListenerExecutorExcluded\",\"time\":1830,\"executorId\":\"2\",\"taskFailures\":1}");
        both(new ExecutorRemoved(OptionalLong.of(1900), "1", Optional.of("idle")),
                "{\"Event\":\"SparkListenerExecutorRemoved\",\"Timestamp\":1900,\"Executor ID\":\"1\","
                        + "\"Removed Reason\":\"idle\"}");
        both(new ApplicationEnd(OptionalLong.of(2000)), "{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":2000}");
    }

    private static StageInfo stageInfo(long submitted, long completed, String failure) {
        return new StageInfo(0, 0, "count at X.scala:1", 3, List.of(1), List.of(), "details",
                submitted > 0 ? OptionalLong.of(submitted) : OptionalLong.empty(),
                completed > 0 ? OptionalLong.of(completed) : OptionalLong.empty(), Optional.ofNullable(failure), 0);
    }

    private static String stageInfoJson(long submitted, long completed, String failure) {
        return "{\"Stage ID\":0,\"Stage Attempt ID\":0,\"Stage Name\":\"count at X.scala:1\",\"Number of Tasks\":3,"
                + "\"RDD Info\":[{\"RDD ID\":1,\"Name\":\"r\"}],\"Parent IDs\":[],\"Details\":\"details\""
                + (submitted > 0 ? ",\"Submission Time\":" + submitted : "")
                + (completed > 0 ? ",\"Completion Time\":" + completed : "")
                + (failure != null ? ",\"Failure Reason\":\"" + failure + "\"" : "")
                + ",\"Accumulables\":[],\"Resource Profile Id\":0}";
    }

    /** Tasks 0 and 1 run on executor 1, task 2 on executor 2; task t has index t. */
    private static TaskInfo taskInfo(long taskId, long finish, AccumulatorUpdates accumulables) {
        return new TaskInfo(taskId, (int) taskId, 1210 + taskId, finish, 0, taskId == 2 ? "2" : "1", "PROCESS_LOCAL",
                false, accumulables);
    }

    private static String taskInfoJson(long taskId, long finish, String accumulables) {
        return "{\"Task ID\":" + taskId + ",\"Index\":" + taskId + ",\"Attempt\":0,\"Launch Time\":" + (1210 + taskId)
                + ",\"Executor ID\":\"" + (taskId == 2 ? "2" : "1") + "\",\"Host\":\"h\",\"Locality\":\"PROCESS_LOCAL\","
                + "\"Speculative\":false,\"Getting Result Time\":0,\"Finish Time\":" + finish
                + ",\"Failed\":false,\"Killed\":false,\"Accumulables\":" + accumulables + "}";
    }

    private static String taskEndJson(long taskId, long finish, String reason, long runTime, String accumulables,
                                      String executorMetrics) {
        return "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":0,\"Stage Attempt ID\":0,\"Task Type\":\"ResultTask\","
                + "\"Task End Reason\":" + reason + ",\"Task Info\":" + taskInfoJson(taskId, finish, accumulables)
                + executorMetrics + ",\"Task Metrics\":{\"Executor Run Time\":" + runTime + ",\"JVM GC Time\":10,"
                + "\"Input Metrics\":{\"Bytes Read\":" + (runTime == 280 ? 1000 : 0) + ",\"Records Read\":10}}}";
    }

    private static TaskMetricTotals metrics(long runTime, long inputBytes) {
        long[] m = new long[TaskMetric.values().length];
        m[TaskMetric.EXECUTOR_RUN_TIME.ordinal()] = runTime;
        m[TaskMetric.JVM_GC_TIME.ordinal()] = 10;
        m[TaskMetric.INPUT_BYTES.ordinal()] = inputBytes;
        m[TaskMetric.INPUT_RECORDS.ordinal()] = 10;
        return TaskMetricTotals.of(m);
    }
}
