package io.sparkwise.state;

import io.sparkwise.model.ExecutorMetrics;
import io.sparkwise.state.event.MetricValues;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Running maxima of executor metrics, as Spark's ExecutorMetrics.compareAndUpdatePeakValues. */
final class PeakMetrics {
    private final Map<String, Long> peaks = new LinkedHashMap<>();

    void update(MetricValues metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            String name = metrics.name(i);
            long value = metrics.value(i);
            Long old = peaks.get(name);
            if (old == null || value > old) {
                peaks.put(name, value);
            }
        }
    }

    long peak(String name) {
        return peaks.getOrDefault(name, 0L);
    }

    Optional<ExecutorMetrics> toModel() {
        return peaks.isEmpty() ? Optional.empty() : Optional.of(new ExecutorMetrics(peaks));
    }
}
