package io.sparkwise.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A SQL/DataFrame query execution (SparkListenerSQLExecutionStart/End), with its final physical
 * plan (after adaptive re-planning) and the values of the plan's SQL metrics.
 *
 * @param status COMPLETED, FAILED or RUNNING, as the History Server's /sql says
 * @param plan the root of the final physical plan; empty when the log has no sparkPlanInfo
 * @param metricValues accumulator id of a plan metric to its aggregated value
 */
public record SqlExecution(
        long id,
        String description,
        String details,
        String physicalPlanDescription,
        OptionalLong submissionTime,
        OptionalLong completionTime,
        String status,
        Optional<String> errorMessage,
        List<Integer> successJobIds,
        List<Integer> failedJobIds,
        List<Integer> runningJobIds,
        Optional<SparkPlanNode> plan,
        Map<Long, SqlMetricValue> metricValues,
        OptionalLong rootExecutionId) {

    public SqlExecution {
        requireNonNull(description, "description is null");
        requireNonNull(details, "details is null");
        requireNonNull(physicalPlanDescription, "physicalPlanDescription is null");
        requireNonNull(submissionTime, "submissionTime is null");
        requireNonNull(completionTime, "completionTime is null");
        requireNonNull(status, "status is null");
        requireNonNull(errorMessage, "errorMessage is null");
        successJobIds = List.copyOf(successJobIds);
        failedJobIds = List.copyOf(failedJobIds);
        runningJobIds = List.copyOf(runningJobIds);
        requireNonNull(plan, "plan is null");
        metricValues = Map.copyOf(metricValues);
        requireNonNull(rootExecutionId, "rootExecutionId is null");
    }

    /** Completion minus submission time, when both are known. */
    public OptionalLong duration() {
        if (submissionTime.isPresent() && completionTime.isPresent()) {
            return OptionalLong.of(completionTime.getAsLong() - submissionTime.getAsLong());
        }
        return OptionalLong.empty();
    }

    /** Sum, min, max and count of a SQL metric's updates over the tasks and the driver. */
    public record SqlMetricValue(long sum, long min, long max, long updates) {
    }
}
