package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/** Spark's SQLMetricInfo: a plan metric, the accumulator that carries it, and its type (sum, size, timing, ...). */
public record SqlMetricInfo(String name, long accumulatorId, String metricType) {
    public SqlMetricInfo {
        requireNonNull(name, "name is null");
        requireNonNull(metricType, "metricType is null");
    }
}
