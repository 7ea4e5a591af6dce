package io.sparkwise.model;

import static java.util.Objects.requireNonNull;

/**
 * What retention limits dropped from an application, kept as totals: a driver that runs for days
 * (streaming, notebooks, the Thrift server) finishes more jobs, stages and SQL executions than
 * memory can hold, so the oldest finished ones are folded into these sums, as Spark's own UI drops
 * them beyond spark.ui.retainedJobs, spark.ui.retainedStages and spark.sql.ui.retainedExecutions.
 * Everything {@link #NONE} for an application that stayed within the limits.
 *
 * @param jobs finished jobs dropped, {@code failedJobs} of them failed
 * @param stageAttempts finished stage attempts dropped, by status in the next two counts
 * @param sqlExecutions finished SQL executions dropped, {@code failedSqlExecutions} of them failed
 * @param completedTasks tasks of the dropped stage attempts, as the stages counted them
 * @param taskMetrics the task metrics of the dropped stage attempts
 */
public record FoldedTotals(
        long jobs,
        long failedJobs,
        long stageAttempts,
        long failedStageAttempts,
        long skippedStageAttempts,
        long sqlExecutions,
        long failedSqlExecutions,
        long completedTasks,
        long failedTasks,
        long killedTasks,
        TaskMetricTotals taskMetrics) {

    public static final FoldedTotals NONE = new FoldedTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, TaskMetricTotals.ZERO);

    public FoldedTotals {
        nonNegative(jobs, "jobs");
        nonNegative(failedJobs, "failedJobs");
        nonNegative(stageAttempts, "stageAttempts");
        nonNegative(failedStageAttempts, "failedStageAttempts");
        nonNegative(skippedStageAttempts, "skippedStageAttempts");
        nonNegative(sqlExecutions, "sqlExecutions");
        nonNegative(failedSqlExecutions, "failedSqlExecutions");
        nonNegative(completedTasks, "completedTasks");
        nonNegative(failedTasks, "failedTasks");
        nonNegative(killedTasks, "killedTasks");
        requireNonNull(taskMetrics, "taskMetrics is null");
    }

    /** True when nothing was dropped. */
    public boolean isEmpty() {
        return jobs == 0 && stageAttempts == 0 && sqlExecutions == 0;
    }

    private static void nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
    }
}
