package io.sparkwise.analysis.compare;

import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/** One number of both runs: before, after, and how it moved. */
public record MetricDelta(RunMetric metric, long before, long after) {

    public MetricDelta {
        requireNonNull(metric, "metric is null");
    }

    public long delta() {
        return after - before;
    }

    /** The change in percent of {@code before}; empty when before is 0 (no base to compare with). */
    public OptionalDouble changePct() {
        return before == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * delta() / before);
    }

    /** True when the number grew by more than {@code pct} percent; from 0 any growth counts. */
    public boolean grewMoreThan(double pct) {
        return before == 0 ? after > 0 : 100.0 * delta() / before > pct;
    }
}
