package io.sparkwise.report;

import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.sparkwise.report.AppFixture.START;
import static io.sparkwise.report.AppFixture.app;
import static io.sparkwise.report.AppFixture.stageAttempt;
import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    /** A YARN application with two executors (one lost), a failed stage, spills and a damaged line. */
    static Application yarnApplication() {
        var oom = AppFixture.failure(TaskFailureKind.EXECUTOR_LOST_FAILURE, "exit code 137", 3, 90_000);
        var fetch = AppFixture.failure(TaskFailureKind.FETCH_FAILED, "FetchFailed", 1, 2_000);
        return app().id("application_1700000000000_0042").name("nightly-etl").attemptId("1")
                .yarn("yarn")
                .executor(AppFixture.driver(1))
                .executor(AppFixture.executor("1", 4, OptionalLong.empty(), Optional.empty()))
                .executor(AppFixture.executor("2", 4, OptionalLong.of(START + 4000),
                        Optional.of("Container killed by YARN for exceeding physical memory limits.\nmore")))
                .job(AppFixture.job(0, JobStatus.SUCCEEDED, 4, 0))
                .job(AppFixture.job(1, JobStatus.FAILED, 8, 4))
                .stage(stageAttempt(0, 0).name("load at Etl.scala:10").tasks(4, 0)
                        .metrics(Map.of(TaskMetric.EXECUTOR_RUN_TIME, 60_000L, TaskMetric.INPUT_BYTES, 3 * GIB,
                                TaskMetric.SHUFFLE_WRITE_BYTES, 512 * MIB, TaskMetric.JVM_GC_TIME, 6_000L,
                                TaskMetric.EXECUTOR_CPU_TIME, 50_000_000_000L))
                        .distribution(TaskQuantity.DURATION, 14_000, 15_000, 15_500, 16_000)
                        .build())
                .stage(stageAttempt(1, 0).name("join at Etl.scala:20 with a very long stage name that goes on").tasks(8, 4)
                        .status(StageStatus.FAILED).failureReason("FetchFailed")
                        .metrics(Map.of(TaskMetric.EXECUTOR_RUN_TIME, 240_000L,
                                TaskMetric.SHUFFLE_LOCAL_BYTES_READ, 256 * MIB, TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 256 * MIB,
                                TaskMetric.MEMORY_BYTES_SPILLED, 2 * GIB, TaskMetric.DISK_BYTES_SPILLED, 700 * MIB,
                                TaskMetric.OUTPUT_BYTES, 100 * MIB))
                        .distribution(TaskQuantity.DURATION, 20_000, 30_000, 40_000, 150_000)
                        .failure(oom).failure(fetch)
                        .build())
                .stage(stageAttempt(1, 1).name("join at Etl.scala:20").tasks(8, 0)
                        .times(OptionalLong.of(START + 5000), OptionalLong.empty()).status(StageStatus.ACTIVE).build())
                .taskFailure(oom).taskFailure(fetch)
                .sql(AppFixture.sqlExecution(0, "insert into sales", OptionalLong.of(125_000)))
                .sql(AppFixture.sqlExecution(1, "select count(*) from sales", OptionalLong.of(800)))
                .readReport(new ReadReport("/logs/application_1700000000000_0042_1",
                        List.of("/logs/application_1700000000000_0042_1"), 5 * MIB, 5_000, 4_998,
                        Map.of(), Map.of("com.databricks.Foo", 2L, "SparkListenerBlockUpdated", 40L),
                        List.of(new ReadReport.DamagedLine("/logs/application_1700000000000_0042_1", 17,
                                "Unexpected character ('x' (code 120))")), 1, false, false, List.of()))
                .build();
    }

    @Test
    void render_header_namesApplicationAttemptUserVersionClusterAndTimes() throws IOException {
        assertThat(render(yarnApplication())).startsWith("""
                Application nightly-etl
                  id                     application_1700000000000_0042
                  attempt                1
                  user                   root
                  Spark version          4.0.1
                  cluster manager        yarn (master yarn)
                  started                2026-11-24 23:26:10 GMT
                  ended                  2026-11-24 23:26:17 GMT
                  duration               6.9 s
                  status                 completed
                """);
    }

    @Test
    void render_incompleteApplication_saysWhyAndOmitsEnd() throws IOException {
        String noEnd = render(app().incomplete(4000, false).build());
        String inProgress = render(app().incomplete(4000, true).build());

        assertThat(noEnd).contains("  duration               4.0 s (until the last event)\n")
                .contains("  status                 incomplete (no ApplicationEnd)\n")
                .doesNotContain("ended");
        assertThat(inProgress).contains("  status                 incomplete (in progress)\n");
    }

    @Test
    void render_bareLog_saysUnknownInsteadOfInventing() throws IOException {
        assertThat(render(app().bare().build()))
                .contains("  Spark version          unknown\n")
                .contains("  cluster manager        unknown\n")
                .contains("  started                unknown\n");
    }

    @Test
    void render_executors_countsWorkersCoresAndRemovalReasons() throws IOException {
        assertThat(render(yarnApplication())).contains("""
                Executors
                  executors              2
                  cores                  8
                  max concurrent tasks   8
                  added / removed        2 added, 1 removed
                    1 x Container killed by YARN for exceeding physical memory limits.
                """);
    }

    @Test
    void render_localMode_countsTheDriverAsTheOnlyExecutor() throws IOException {
        assertThat(render(app().executor(AppFixture.driver(2)).build())).contains("""
                  executors              driver only (local mode)
                  cores                  2
                  max concurrent tasks   2
                  added / removed        0 added, 0 removed
                """);
    }

    @Test
    void render_work_countsJobsStageAttemptsAndTasks() throws IOException {
        assertThat(render(yarnApplication())).contains("""
                  jobs                   2: 1 succeeded, 1 failed
                  stage attempts         3: 1 complete, 1 failed, 0 skipped, 1 active
                  tasks                  16 completed, 4 failed, 0 killed, 4 skipped
                """);
    }

    @Test
    void render_totals_inHumanUnitsWithGcShare() throws IOException {
        assertThat(render(yarnApplication())).contains("""
                Totals
                  input read             3.00 GiB
                  output written         100 MiB
                  shuffle read           512 MiB
                  shuffle write          512 MiB
                  memory spilled         2.00 GiB
                  disk spilled           700 MiB
                  executor run time      5.0 min
                  CPU time               50.0 s
                  GC time                6.0 s (2.0% of executor run time)
                """);
    }

    @Test
    void render_topStages_alignedByRunTimeWithSketchQuantiles() throws IOException {
        assertThat(render(yarnApplication())).contains("""
                Top stages by executor run time
                  STAGE  NAME                                      STATUS    TASKS  DURATION  RUN TIME  SHUFFLE READ  SHUFFLE WRITE  DISK SPILL  MEDIAN TASK  MAX TASK
                  1.0    join at Etl.scala:20 with a very long...  FAILED        8     2.0 s   4.0 min       512 MiB            0 B     700 MiB       39.7 s   2.5 min
                  0.0    load at Etl.scala:10                      COMPLETE      4     2.0 s   1.0 min           0 B        512 MiB         0 B       15.5 s    16.0 s
                  1.1    join at Etl.scala:20                      ACTIVE        8         -      0 ms           0 B            0 B         0 B            -         -
                """);
    }

    @Test
    void render_failures_groupedByKindAndCauseWithLostTime() throws IOException {
        assertThat(render(yarnApplication())).contains("""
                Task failures: 4 task attempts, 1.5 min of task time lost
                  KIND                 CAUSE          COUNT  LOST TIME  STAGES  SAMPLE MESSAGE
                  ExecutorLostFailure  exit code 137      3    1.5 min  3       exit code 137: boom
                  FetchFailed          FetchFailed        1      2.0 s  3       FetchFailed: boom
                """);
    }

    @Test
    void render_sql_longestFirst() throws IOException {
        assertThat(render(yarnApplication())).contains("""
                SQL executions: 2, longest first
                  ID  STATUS     DURATION  JOBS  DESCRIPTION
                   0  COMPLETED   2.1 min     2  insert into sales
                   1  COMPLETED    800 ms     2  select count(*) from sales
                """);
    }

    @Test
    void render_readWarnings_namesDamagedLinesAndUnknownEvents() throws IOException {
        assertThat(render(yarnApplication())).endsWith("""
                Event log
                  source                 /logs/application_1700000000000_0042_1
                  read                   1 file, 5.00 MiB, 5,000 lines, 4,998 events
                  damaged lines          1 skipped
                    /logs/application_1700000000000_0042_1:17: Unexpected character ('x' (code 120))
                  unknown events         42 events of 2 kinds, not used
                    40 x SparkListenerBlockUpdated
                    2 x com.databricks.Foo
                """);
    }

    @Test
    void render_emptyApplication_saysNoneForEmptySections() throws IOException {
        String text = render(app().build());

        assertThat(text).contains("Top stages by executor run time: none\n")
                .contains("Task failures: none\n")
                .contains("SQL executions: none\n")
                .contains("  GC time                0 ms (- of executor run time)\n")
                .doesNotContain("damaged lines")
                .doesNotContain("unknown events");
    }

    @Test
    void render_twoApplications_separatedByABlankLine() throws IOException {
        String text = render(app().name("first").build(), app().name("second").build());

        assertThat(text).startsWith("Application first\n").contains("\n\nApplication second\n");
    }

    @Test
    void render_lines_haveNoTrailingSpaces() throws IOException {
        assertThat(render(yarnApplication()).lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    private static String render(Application... applications) throws IOException {
        StringWriter out = new StringWriter();
        new TextReport().render(java.util.Arrays.stream(applications).map(AnalyzedApplication::withoutFindings).toList(), out);
        return out.toString();
    }
}
