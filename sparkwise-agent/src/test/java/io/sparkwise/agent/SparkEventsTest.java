package io.sparkwise.agent;

import io.sparkwise.model.TaskMetric;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.EnvironmentUpdate;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.SqlMetricInfo;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageInfo;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskEndReason;
import io.sparkwise.state.event.TaskStart;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.Success$;
import org.apache.spark.TaskKilled;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.JobFailed;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerEnvironmentUpdate;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskLocality;
import org.apache.spark.scheduler.cluster.ExecutorInfo;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Spark listener event the agent uses, built with Spark's own classes (Scala collections
 * included), converted into the core's typed event: the fields the JSON adapter fills, in its units.
 */
class SparkEventsTest {

    @Test
    void applicationStart_optionsAndDriverLogs_converted() {
        ApplicationStart e = SparkEvents.applicationStart(new SparkListenerApplicationStart("etl", Option.apply("app-1"),
                1000L, "alice", Option.empty(), Option.apply(smap("stdout", "http://d/stdout")), Option.empty()));

        assertThat(e).isEqualTo(new ApplicationStart("etl", Optional.of("app-1"), OptionalLong.of(1000), "alice",
                Optional.empty(), Map.of("stdout", "http://d/stdout"), Map.of()));
    }

    @Test
    void applicationEnd_time_converted() {
        assertThat(SparkEvents.applicationEnd(new SparkListenerApplicationEnd(5000L, Option.empty())).time()).hasValue(5000);
    }

    @Test
    void environmentUpdate_sectionsAndClasspathCount_converted() {
        Map<String, scala.collection.Seq<Tuple2<String, String>>> sections = new java.util.LinkedHashMap<>();
        sections.put("Spark Properties", seq(new Tuple2<>("spark.app.name", "etl"),
                new Tuple2<>("spark.executor.memory", "4g")));
        sections.put("Classpath Entries", seq(new Tuple2<>("/a.jar", "System"), new Tuple2<>("/b.jar", "System")));
        scala.collection.Map<String, scala.collection.Seq<Tuple2<String, String>>> details = immutable(sections);

        EnvironmentUpdate e = SparkEvents.environmentUpdate(new SparkListenerEnvironmentUpdate(details));

        assertThat(e.sparkProperties()).containsExactly(Map.entry("spark.app.name", "etl"),
                Map.entry("spark.executor.memory", "4g"));
        assertThat(e.classpathEntryCount()).isEqualTo(2);
        assertThat(e.jvmInformation()).isEmpty();
    }

    @Test
    void executorAdded_infoAndLogUrls_converted() {
        ExecutorInfo info = new ExecutorInfo("host-1", 4, smap("stdout", "http://h/stdout"), smap());
        ExecutorAdded e = SparkEvents.executorAdded(new SparkListenerExecutorAdded(2000L, "7", info));

        assertThat(e).isEqualTo(new ExecutorAdded(2000, "7", "host-1", 4, 0, Map.of("stdout", "http://h/stdout"),
                Map.of(), Map.of()));
    }

    @Test
    void executorRemoved_reason_converted() {
        ExecutorRemoved e = SparkEvents.executorRemoved(new SparkListenerExecutorRemoved(3000L, "7", "lost"));

        assertThat(e).isEqualTo(new ExecutorRemoved(OptionalLong.of(3000), "7", Optional.of("lost")));
    }

    @Test
    void jobStart_stageInfosWithParentsAndProperties_converted() {
        Properties props = new Properties();
        props.setProperty("spark.job.description", "count");
        JobStart e = SparkEvents.jobStart(new SparkListenerJobStart(3, 100L,
                seq(stageInfo(4, 0, List.of()), stageInfo(5, 0, List.of(4))), props));

        assertThat(e.jobId()).isEqualTo(3);
        assertThat(e.time()).hasValue(100);
        assertThat(e.stageIds()).containsExactly(4, 5);
        assertThat(e.stageInfos().get(1).parentIds()).containsExactly(4);
        assertThat(e.properties()).containsEntry("spark.job.description", "count");
    }

    @Test
    void jobEnd_succeededAndFailed_converted() {
        JobEnd ok = SparkEvents.jobEnd(new SparkListenerJobEnd(3, 200L, JobSucceeded$.MODULE$));
        JobEnd failed = SparkEvents.jobEnd(new SparkListenerJobEnd(4, 300L, new JobFailed(new Exception("boom"))));

        assertThat(ok).isEqualTo(new JobEnd(3, OptionalLong.of(200), true, Optional.empty()));
        assertThat(failed).isEqualTo(new JobEnd(4, OptionalLong.of(300), false, Optional.of("boom")));
    }

    @Test
    void stageSubmittedAndCompleted_stageInfo_converted() {
        org.apache.spark.scheduler.StageInfo spark = stageInfo(5, 1, List.of(2, 3));
        spark.submissionTime_$eq(Option.apply(10L));
        spark.completionTime_$eq(Option.apply(20L));

        StageInfo submitted = SparkEvents.stageSubmitted(new SparkListenerStageSubmitted(spark, new Properties()))
                .stageInfo();
        StageCompleted completed = SparkEvents.stageCompleted(new SparkListenerStageCompleted(spark));

        assertThat(submitted).isEqualTo(new StageInfo(5, 1, "stage 5", 10, List.of(), List.of(2, 3), "details",
                OptionalLong.of(10), OptionalLong.of(20), Optional.empty(), 0));
        assertThat(completed.stageInfo()).isEqualTo(submitted);
    }

    @Test
    void taskStart_taskInfo_converted() {
        TaskStart e = SparkEvents.taskStart(new SparkListenerTaskStart(5, 1, taskInfo()));

        assertThat(e.stageId()).isEqualTo(5);
        assertThat(e.stageAttemptId()).isEqualTo(1);
        assertThat(e.taskInfo().taskId()).isEqualTo(42);
        assertThat(e.taskInfo().index()).isEqualTo(3);
        assertThat(e.taskInfo().executorId()).isEqualTo("7");
        assertThat(e.taskInfo().locality()).isEqualTo("PROCESS_LOCAL");
        assertThat(e.taskInfo().finishTime()).isZero();
    }

    @Test
    void taskEnd_metricsAccumulablesAndReason_converted() {
        org.apache.spark.scheduler.TaskInfo info = taskInfo();
        info.setAccumulables(seq(new AccumulableInfo(11, Option.apply("number of output rows"), Option.apply(5L),
                        Option.apply(5L), false, false, Option.empty()),
                new AccumulableInfo(12, Option.apply("text"), Option.apply("not a number"), Option.empty(),
                        false, false, Option.empty())));
        info.markFinished(TaskState(), 1500L);
        TaskMetrics metrics = TaskMetrics.empty();
        metrics.setExecutorRunTime(900);
        metrics.setJvmGCTime(30);
        metrics.incMemoryBytesSpilled(1024);
        metrics.inputMetrics().setBytesRead(4096);
        metrics.shuffleWriteMetrics().incBytesWritten(2048);

        TaskEnd e = SparkEvents.taskEnd(new SparkListenerTaskEnd(5, 1, "ResultTask", Success$.MODULE$, info,
                new ExecutorMetrics(), metrics));

        assertThat(e.reason()).isEqualTo(TaskEndReason.SUCCESS);
        assertThat(e.taskInfo().finishTime()).isEqualTo(1500);
        assertThat(e.taskInfo().accumulables().size()).isEqualTo(1);
        assertThat(e.taskInfo().accumulables().id(0)).isEqualTo(11);
        assertThat(e.taskInfo().accumulables().update(0)).isEqualTo(5);
        assertThat(e.taskMetrics()).isPresent();
        assertThat(e.taskMetrics().get().get(TaskMetric.EXECUTOR_RUN_TIME)).isEqualTo(900);
        assertThat(e.taskMetrics().get().jvmGcTime()).isEqualTo(30);
        assertThat(e.taskMetrics().get().memoryBytesSpilled()).isEqualTo(1024);
        assertThat(e.taskMetrics().get().inputBytes()).isEqualTo(4096);
        assertThat(e.taskMetrics().get().shuffleWriteBytes()).isEqualTo(2048);
        assertThat(e.taskExecutorMetrics().size()).isGreaterThan(10);
    }

    @Test
    void taskEnd_failedWithoutMetrics_reasonAndNoMetrics() {
        ExceptionFailure failure = new ExceptionFailure("java.lang.IllegalStateException", "bad row",
                new StackTraceElement[0], "", Option.empty(), seq(), seq(), seq());

        TaskEnd e = SparkEvents.taskEnd(new SparkListenerTaskEnd(5, 0, "ResultTask", failure, taskInfo(),
                new ExecutorMetrics(), null));
        TaskEndReason killed = SparkEvents.reason(new TaskKilled("stage cancelled", seq(), seq(), seq()));

        assertThat(e.reason()).isEqualTo(new TaskEndReason.ExceptionFailure(
                Optional.of("java.lang.IllegalStateException"), "bad row"));
        assertThat(e.taskMetrics()).isEmpty();
        assertThat(killed).isEqualTo(new TaskEndReason.TaskKilled(Optional.of("stage cancelled")));
        assertThat(SparkEvents.reason(org.apache.spark.Resubmitted$.MODULE$)).isEqualTo(new TaskEndReason.Other("Resubmitted"));
    }

    @Test
    void sqlExecutionStartAndEnd_planTreeAndError_converted() {
        var scan = new org.apache.spark.sql.execution.SparkPlanInfo("Scan parquet", "Scan parquet t", seq(),
                smap("Location", "/data"), seq(new org.apache.spark.sql.execution.metric.SQLMetricInfo(
                        "number of output rows", 77, "sum")));
        var agg = new org.apache.spark.sql.execution.SparkPlanInfo("HashAggregate", "HashAggregate(keys=[k])",
                seq(scan), smap(), seq());

        SqlExecutionStart start = SqlEvents.start(new SparkListenerSQLExecutionStart(9, Option.apply(8L), "count",
                "details", "== Physical Plan ==", agg, 100L, smap(), scala.collection.immutable.Set$.MODULE$.empty(),
                Option.empty()));
        SqlExecutionEnd end = SqlEvents.end(new SparkListenerSQLExecutionEnd(9, 200L, Option.apply("failed")));

        assertThat(start.executionId()).isEqualTo(9);
        assertThat(start.rootExecutionId()).hasValue(8);
        assertThat(start.sparkPlanInfo()).contains(new SparkPlanInfo("HashAggregate", "HashAggregate(keys=[k])",
                List.of(new SparkPlanInfo("Scan parquet", "Scan parquet t", List.of(), Map.of("Location", "/data"),
                        List.of(new SqlMetricInfo("number of output rows", 77, "sum")))), Map.of(), List.of()));
        assertThat(end).isEqualTo(new SqlExecutionEnd(9, OptionalLong.of(200), Optional.of("failed")));
    }

    @Test
    void exclusionEvents_executorsAndNodes_converted() {
        assertThat(SparkEvents.executorExcluded(new org.apache.spark.scheduler.SparkListenerExecutorExcluded(1L, "3", 4)))
                .isEqualTo(new io.sparkwise.state.event.ExecutorExcluded(1, "3"));
        assertThat(SparkEvents.executorUnexcluded(new org.apache.spark.scheduler.SparkListenerExecutorUnexcluded(2L, "3")))
                .isEqualTo(new io.sparkwise.state.event.ExecutorUnexcluded(2, "3"));
        assertThat(SparkEvents.nodeExcluded(new org.apache.spark.scheduler.SparkListenerNodeExcluded(3L, "h", 2)))
                .isEqualTo(new io.sparkwise.state.event.NodeExcluded(3, "h"));
        assertThat(SparkEvents.nodeUnexcluded(new org.apache.spark.scheduler.SparkListenerNodeUnexcluded(4L, "h")))
                .isEqualTo(new io.sparkwise.state.event.NodeUnexcluded(4, "h"));
        assertThat(SparkEvents.executorExcludedForStage(
                new org.apache.spark.scheduler.SparkListenerExecutorExcludedForStage(5L, "3", 2, 7, 1)))
                .isEqualTo(new io.sparkwise.state.event.ExecutorExcludedForStage(5, "3", 7, 1));
        assertThat(SparkEvents.nodeExcludedForStage(
                new org.apache.spark.scheduler.SparkListenerNodeExcludedForStage(6L, "h", 2, 7, 1)))
                .isEqualTo(new io.sparkwise.state.event.NodeExcludedForStage(6, "h", 7, 1));
    }

    @Test
    void sqlAdaptiveUpdatesAndDriverAccumUpdates_converted() {
        var plan = new org.apache.spark.sql.execution.SparkPlanInfo("AdaptiveSparkPlan", "AdaptiveSparkPlan isFinalPlan=true",
                seq(), smap(), seq());
        var update = SqlEvents.convert(new org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate(
                9, "== Final Plan ==", plan));
        var metrics = SqlEvents.convert(new org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveSQLMetricUpdates(9,
                seq(new org.apache.spark.sql.execution.ui.SQLPlanMetric("shuffle bytes", 88, "size"))));
        var driver = SqlEvents.driverAccumUpdates(new org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates(9,
                seq(new Tuple2<Object, Object>(88L, 1024L))));

        assertThat(update).contains(new io.sparkwise.state.event.SqlAdaptiveExecutionUpdate(9,
                Optional.of("== Final Plan =="), Optional.of(new SparkPlanInfo("AdaptiveSparkPlan",
                        "AdaptiveSparkPlan isFinalPlan=true", List.of(), Map.of(), List.of()))));
        assertThat(metrics).contains(new io.sparkwise.state.event.SqlAdaptiveSqlMetricUpdates(9,
                List.of(new SqlMetricInfo("shuffle bytes", 88, "size"))));
        assertThat(driver.executionId()).isEqualTo(9);
        assertThat(driver.accumUpdates().size()).isEqualTo(1);
        assertThat(driver.accumUpdates().id(0)).isEqualTo(88);
        assertThat(driver.accumUpdates().update(0)).isEqualTo(1024);
    }

    private static org.apache.spark.scheduler.StageInfo stageInfo(int id, int attempt, List<Integer> parents) {
        return new org.apache.spark.scheduler.StageInfo(id, attempt, "stage " + id, 10, seq(),
                seq(parents.toArray()), "details", null, seq(), Option.empty(), 0, false, 0);
    }

    private static org.apache.spark.scheduler.TaskInfo taskInfo() {
        return new org.apache.spark.scheduler.TaskInfo(42, 3, 0, 3, 1000L, "7", "host-1",
                TaskLocality.PROCESS_LOCAL(), false);
    }

    private static scala.Enumeration.Value TaskState() {
        return org.apache.spark.TaskState.FINISHED();
    }

    @SafeVarargs
    private static <T> scala.collection.immutable.Seq<T> seq(T... values) {
        return CollectionConverters.asScala(List.of(values)).toList();
    }

    private static scala.collection.immutable.Map<String, String> smap(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return immutable(m);
    }

    private static <K, V> scala.collection.immutable.Map<K, V> immutable(Map<K, V> map) {
        return scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(map));
    }
}
