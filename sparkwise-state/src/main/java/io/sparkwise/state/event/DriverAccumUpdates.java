package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/** SparkListenerDriverAccumUpdates: SQL metric values computed on the driver (e.g. broadcast build time). */
public record DriverAccumUpdates(long executionId, AccumulatorUpdates accumUpdates) implements SparkEvent {
    public DriverAccumUpdates {
        requireNonNull(accumUpdates, "accumUpdates is null");
    }
}
