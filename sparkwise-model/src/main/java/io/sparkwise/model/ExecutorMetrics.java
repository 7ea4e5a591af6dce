package io.sparkwise.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Peak executor-level metrics (JVMHeapMemory, OnHeapExecutionMemory, ProcessTreeJVMRSSMemory,
 * MajorGCTime, ...), named as Spark names them. Only metrics present in the log are here: an old
 * log without a metric has no entry for it, never a zero.
 */
public record ExecutorMetrics(Map<String, Long> peaks) {

    public ExecutorMetrics {
        peaks = Collections.unmodifiableMap(new LinkedHashMap<>(peaks));
    }

    public OptionalLong peak(String name) {
        Long v = peaks.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
