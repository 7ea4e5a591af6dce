package io.sparkwise.state.event;

import io.sparkwise.model.TaskMetricTotals;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerTaskEnd.
 *
 * @param taskExecutorMetrics the executor's peak metrics while the task ran (Spark 3.0+), else empty
 * @param taskMetrics the task's metrics as totals over this one task; absent when Spark sent none
 *     (some failed tasks)
 */
public record TaskEnd(
        int stageId,
        int stageAttemptId,
        TaskEndReason reason,
        TaskInfo taskInfo,
        MetricValues taskExecutorMetrics,
        Optional<TaskMetricTotals> taskMetrics) implements SparkEvent {

    public TaskEnd {
        requireNonNull(reason, "reason is null");
        requireNonNull(taskInfo, "taskInfo is null");
        requireNonNull(taskExecutorMetrics, "taskExecutorMetrics is null");
        requireNonNull(taskMetrics, "taskMetrics is null");
    }
}
