package io.sparkwise.eventlog.build;

import io.sparkwise.model.ExecutorMetrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Running maxima of executor metrics, as Spark's ExecutorMetrics.compareAndUpdatePeakValues. */
final class PeakMetrics {
    private final Map<String, Long> peaks = new LinkedHashMap<>();

    void update(Map<String, Object> metrics) {
        if (metrics == null) {
            return;
        }
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            if (e.getValue() instanceof Number n) {
                long v = n.longValue();
                peaks.merge(e.getKey(), v, Math::max);
            }
        }
    }

    void update(String[] names, long[] values, int count) {
        for (int i = 0; i < count; i++) {
            Long old = peaks.get(names[i]);
            if (old == null || values[i] > old) {
                peaks.put(names[i], values[i]);
            }
        }
    }

    long peak(String name) {
        return peaks.getOrDefault(name, 0L);
    }

    boolean isSet() {
        return !peaks.isEmpty();
    }

    Optional<ExecutorMetrics> toModel() {
        return peaks.isEmpty() ? Optional.empty() : Optional.of(new ExecutorMetrics(peaks));
    }
}
