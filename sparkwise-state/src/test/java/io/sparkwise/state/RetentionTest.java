package io.sparkwise.state;

import io.sparkwise.model.Application;
import io.sparkwise.model.FoldedTotals;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.SqlMetricInfo;
import io.sparkwise.state.event.TaskEndReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.sparkwise.state.Events.executorAdded;
import static io.sparkwise.state.Events.jobEnd;
import static io.sparkwise.state.Events.jobStart;
import static io.sparkwise.state.Events.metrics;
import static io.sparkwise.state.Events.report;
import static io.sparkwise.state.Events.stageCompleted;
import static io.sparkwise.state.Events.stageSubmitted;
import static io.sparkwise.state.Events.taskEnd;
import static io.sparkwise.state.Events.taskStart;
import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {

    private static final int JOBS = 1_000_000;
    private static final int TASKS_PER_STAGE = 3;
    private static final RetentionLimits LIMITS = new RetentionLimits(10, 20, 5);

    /**
     * A driver that runs one million small SQL jobs (one stage of three tasks each; every 1000th
     * job fails): the state keeps exactly the limits' worth of finished entities, and what it
     * dropped is in the folded totals, to the task.
     */
    @Test
    void onEvent_millionJobsWithSmallLimits_keepsTheLimitsAndFoldsTheRestExactly() {
        ApplicationState state = new ApplicationState(LIMITS);
        state.onEvent(executorAdded("1", 1));
        long[] expected = new long[TaskMetric.values().length];
        long taskId = 0;
        long failedJobs = 0;
        long failedTasks = 0;
        for (int job = 0; job < JOBS; job++) {
            boolean fails = job % 1000 == 500;
            state.onEvent(new SqlExecutionStart(job, OptionalLong.empty(), "query " + job, "", "",
                    Optional.of(plan(job)), OptionalLong.of(1000L + job)));
            state.onEvent(jobStart(job, job, Map.of("spark.sql.execution.id", Integer.toString(job))));
            state.onEvent(stageSubmitted(job));
            for (int t = 0; t < TASKS_PER_STAGE; t++) {
                state.onEvent(taskStart(job, taskId + t, t, "1"));
            }
            for (int t = 0; t < TASKS_PER_STAGE; t++) {
                boolean taskFails = fails && t == 0;
                TaskMetricTotals m = metrics(100 + t, job % 7);
                state.onEvent(taskEnd(job, taskId + t, t, "1",
                        taskFails ? new TaskEndReason.ExceptionFailure(Optional.of("java.lang.OutOfMemoryError"), "")
                                : TaskEndReason.SUCCESS,
                        m, AccumulatorUpdates.of(new long[] {job}, new long[] {1}, 1)));
                for (TaskMetric metric : TaskMetric.values()) {
                    expected[metric.ordinal()] += m.get(metric);
                }
                failedTasks += taskFails ? 1 : 0;
            }
            taskId += TASKS_PER_STAGE;
            state.onEvent(stageCompleted(job, fails ? Optional.of("task failed") : Optional.empty()));
            state.onEvent(jobEnd(job, !fails));
            state.onEvent(new SqlExecutionEnd(job, OptionalLong.of(2000L + job), Optional.empty()));
            failedJobs += fails ? 1 : 0;
            if (job % 1000 == 0) {
                assertThat(state.retainedJobCount()).isLessThanOrEqualTo(LIMITS.maxJobs());
                assertThat(state.retainedStageCount()).isLessThanOrEqualTo(LIMITS.maxStages());
                assertThat(state.retainedSqlExecutionCount()).isLessThanOrEqualTo(LIMITS.maxSqlExecutions());
            }
        }

        Application app = state.snapshot(report(), "app");
        assertThat(app.jobs()).hasSize(LIMITS.maxJobs());
        assertThat(app.stages()).hasSize(LIMITS.maxStages());
        assertThat(app.sqlExecutions()).hasSize(LIMITS.maxSqlExecutions());
        assertThat(app.jobs().get(0).jobId()).isEqualTo(JOBS - 1);       // the newest are kept
        assertThat(state.retainedSqlMetricCount()).isEqualTo(LIMITS.maxSqlExecutions());
        assertThat(state.liveTaskCount()).isZero();

        FoldedTotals folded = app.folded();
        assertThat(folded.jobs()).isEqualTo(JOBS - LIMITS.maxJobs());
        assertThat(folded.failedJobs()).isEqualTo(failedJobs);           // none among the last 10
        assertThat(folded.stageAttempts()).isEqualTo(JOBS - LIMITS.maxStages());
        assertThat(folded.failedStageAttempts()).isEqualTo(failedJobs);
        assertThat(folded.sqlExecutions()).isEqualTo(JOBS - LIMITS.maxSqlExecutions());
        assertThat(folded.completedTasks()).isEqualTo((long) TASKS_PER_STAGE * (JOBS - LIMITS.maxStages()) - failedTasks);
        assertThat(folded.failedTasks()).isEqualTo(failedTasks);
        assertThat(app.totals()).isEqualTo(TaskMetricTotals.of(expected));
        assertThat(app.executor("1").orElseThrow().completedTasks()).isEqualTo((long) TASKS_PER_STAGE * JOBS - failedTasks);
    }

    @Test
    void onEvent_runningJobBeyondTheLimit_isNeverFolded() {
        ApplicationState state = new ApplicationState(new RetentionLimits(1, 1, 1));
        state.onEvent(jobStart(0, 0, Map.of()));
        state.onEvent(stageSubmitted(0));
        for (int job = 1; job <= 3; job++) {
            state.onEvent(jobStart(job, job, Map.of()));
            state.onEvent(stageSubmitted(job));
            state.onEvent(stageCompleted(job, Optional.empty()));
            state.onEvent(jobEnd(job, true));
        }

        Application app = state.snapshot(report(), "app");
        assertThat(app.jobs()).extracting(j -> j.jobId()).containsExactly(3, 0);
        assertThat(app.stages()).extracting(s -> s.stageId()).containsExactly(3, 0);
        assertThat(app.folded().jobs()).isEqualTo(2);
        assertThat(app.folded().stageAttempts()).isEqualTo(2);
        assertThat(state.notes(false)).contains("retention limits (1 jobs, 1 stages, 1 SQL executions) folded the "
                + "oldest 2 finished jobs, 2 stage attempts and 0 SQL executions into totals: rules judged only the "
                + "ones kept");
    }

    @Test
    void snapshot_withinTheLimits_foldsNothing() {
        ApplicationState state = new ApplicationState();
        state.onEvent(jobStart(0, 0, Map.of()));
        state.onEvent(stageSubmitted(0));
        state.onEvent(stageCompleted(0, Optional.empty()));
        state.onEvent(jobEnd(0, true));

        assertThat(state.snapshot(report(), "app").folded()).isSameAs(FoldedTotals.NONE);
        assertThat(state.notes(false)).noneMatch(note -> note.startsWith("retention limits"));
    }

    private static SparkPlanInfo plan(long accumulatorId) {
        return new SparkPlanInfo("Scan", "Scan parquet", List.of(), Map.of(),
                List.of(new SqlMetricInfo("number of output rows", accumulatorId, "sum")));
    }
}
