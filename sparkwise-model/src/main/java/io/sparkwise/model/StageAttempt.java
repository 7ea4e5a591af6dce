package io.sparkwise.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One attempt of one stage, with the counters and metric totals of the History Server's StageData
 * (same names and units) and the distribution of each task quantity over its successful tasks.
 *
 * @param metrics sums over every task that ended in this attempt (failed and killed included, as
 *     the History Server counts them)
 * @param taskFailures failed and killed tasks of this attempt grouped by kind and cause
 * @param peakExecutorMetrics peak memory metrics of executors while this attempt ran
 *     (SparkListenerStageExecutorMetrics, Spark 3.1+); empty when the log has none
 */
public record StageAttempt(
        int stageId,
        int attemptId,
        StageStatus status,
        String name,
        String details,
        Optional<String> description,
        String schedulingPool,
        int numTasks,
        int numActiveTasks,
        int numCompleteTasks,
        int numFailedTasks,
        int numKilledTasks,
        int numCompletedIndices,
        OptionalLong submissionTime,
        OptionalLong firstTaskLaunchedTime,
        OptionalLong completionTime,
        Optional<String> failureReason,
        TaskMetricTotals metrics,
        TaskDistributions taskDistributions,
        List<Integer> parentStageIds,
        List<Integer> rddIds,
        List<Integer> jobIds,
        int resourceProfileId,
        Map<String, Integer> killedTasksSummary,
        Map<String, Long> localitySummary,
        List<TaskFailureGroup> taskFailures,
        Optional<ExecutorMetrics> peakExecutorMetrics) {

    public StageAttempt {
        requireNonNull(status, "status is null");
        requireNonNull(name, "name is null");
        requireNonNull(details, "details is null");
        requireNonNull(description, "description is null");
        requireNonNull(schedulingPool, "schedulingPool is null");
        requireNonNull(submissionTime, "submissionTime is null");
        requireNonNull(firstTaskLaunchedTime, "firstTaskLaunchedTime is null");
        requireNonNull(completionTime, "completionTime is null");
        requireNonNull(failureReason, "failureReason is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(taskDistributions, "taskDistributions is null");
        parentStageIds = List.copyOf(parentStageIds);
        rddIds = List.copyOf(rddIds);
        jobIds = List.copyOf(jobIds);
        killedTasksSummary = Map.copyOf(killedTasksSummary);
        localitySummary = Map.copyOf(localitySummary);
        taskFailures = List.copyOf(taskFailures);
        requireNonNull(peakExecutorMetrics, "peakExecutorMetrics is null");
    }

    /** Completion minus submission time, when both are known. */
    public OptionalLong duration() {
        if (submissionTime.isPresent() && completionTime.isPresent()) {
            return OptionalLong.of(completionTime.getAsLong() - submissionTime.getAsLong());
        }
        return OptionalLong.empty();
    }
}
