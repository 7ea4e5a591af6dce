package io.sparkwise.state.event;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerSQLExecutionStart.
 *
 * @param rootExecutionId the outermost execution of nested ones (Spark 3.5+)
 * @param sparkPlanInfo the physical plan; absent only in damaged logs
 */
public record SqlExecutionStart(
        long executionId,
        OptionalLong rootExecutionId,
        String description,
        String details,
        String physicalPlanDescription,
        Optional<SparkPlanInfo> sparkPlanInfo,
        OptionalLong time) implements SparkEvent {

    public SqlExecutionStart {
        requireNonNull(rootExecutionId, "rootExecutionId is null");
        requireNonNull(description, "description is null");
        requireNonNull(details, "details is null");
        requireNonNull(physicalPlanDescription, "physicalPlanDescription is null");
        requireNonNull(sparkPlanInfo, "sparkPlanInfo is null");
        requireNonNull(time, "time is null");
    }
}
