package io.sparkwise.state.event;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** SparkListenerSQLAdaptiveExecutionUpdate: adaptive query execution replaced the execution's plan. */
public record SqlAdaptiveExecutionUpdate(
        long executionId,
        Optional<String> physicalPlanDescription,
        Optional<SparkPlanInfo> sparkPlanInfo) implements SparkEvent {

    public SqlAdaptiveExecutionUpdate {
        requireNonNull(physicalPlanDescription, "physicalPlanDescription is null");
        requireNonNull(sparkPlanInfo, "sparkPlanInfo is null");
    }
}
