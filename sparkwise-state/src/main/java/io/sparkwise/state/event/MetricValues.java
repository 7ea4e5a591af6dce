package io.sparkwise.state.event;

import java.util.Arrays;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Named executor metrics (JVMHeapMemory, OnHeapExecutionMemory, TotalGCTime, ...) with their
 * values, in the order given: Spark's ExecutorMetrics. Parallel arrays rather than a map, since
 * every task end carries one.
 */
public final class MetricValues {

    public static final MetricValues EMPTY = new MetricValues(new String[0], new long[0]);

    private final String[] names;
    private final long[] values;

    private MetricValues(String[] names, long[] values) {
        this.names = names;
        this.values = values;
    }

    /** The first {@code count} entries of the two arrays (copied). */
    public static MetricValues of(String[] names, long[] values, int count) {
        if (count < 0 || count > names.length || count > values.length) {
            throw new IllegalArgumentException("count out of range: " + count);
        }
        String[] n = Arrays.copyOf(names, count);
        for (String name : n) {
            requireNonNull(name, "metric name is null");
        }
        return count == 0 ? EMPTY : new MetricValues(n, Arrays.copyOf(values, count));
    }

    public static MetricValues of(Map<String, Long> metrics) {
        String[] n = new String[metrics.size()];
        long[] v = new long[metrics.size()];
        int i = 0;
        for (Map.Entry<String, Long> e : metrics.entrySet()) {
            n[i] = e.getKey();
            v[i++] = e.getValue();
        }
        return of(n, v, i);
    }

    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public long value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricValues other && Arrays.equals(names, other.names)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MetricValues[");
        for (int i = 0; i < names.length; i++) {
            s.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
        }
        return s.append(']').toString();
    }
}
