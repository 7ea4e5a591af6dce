package io.sparkwise.model;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Sums of task metrics over a set of tasks (a stage attempt, an executor, an application).
 * Immutable; backed by one array indexed by {@link TaskMetric#ordinal()} so the parser can add a
 * task in a tight loop without boxing.
 */
public final class TaskMetricTotals {

    public static final TaskMetricTotals ZERO = new TaskMetricTotals(new long[TaskMetric.all().length]);

    private final long[] values;

    private TaskMetricTotals(long[] values) {
        this.values = values;
    }

    /** Takes a copy of {@code values}, which must hold one entry per {@link TaskMetric}. */
    public static TaskMetricTotals of(long[] values) {
        requireNonNull(values, "values is null");
        if (values.length != TaskMetric.all().length) {
            throw new IllegalArgumentException("expected " + TaskMetric.all().length + " values, got " + values.length);
        }
        return new TaskMetricTotals(values.clone());
    }

    public long get(TaskMetric metric) {
        return values[metric.ordinal()];
    }

    public TaskMetricTotals plus(TaskMetricTotals other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new TaskMetricTotals(sum);
    }

    /** Local plus remote shuffle bytes read, as the History Server's {@code shuffleReadBytes}. */
    public long shuffleReadBytes() {
        return get(TaskMetric.SHUFFLE_LOCAL_BYTES_READ) + get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ);
    }

    public long executorRunTime() {
        return get(TaskMetric.EXECUTOR_RUN_TIME);
    }

    public long executorCpuTime() {
        return get(TaskMetric.EXECUTOR_CPU_TIME);
    }

    public long jvmGcTime() {
        return get(TaskMetric.JVM_GC_TIME);
    }

    public long inputBytes() {
        return get(TaskMetric.INPUT_BYTES);
    }

    public long outputBytes() {
        return get(TaskMetric.OUTPUT_BYTES);
    }

    public long shuffleWriteBytes() {
        return get(TaskMetric.SHUFFLE_WRITE_BYTES);
    }

    public long memoryBytesSpilled() {
        return get(TaskMetric.MEMORY_BYTES_SPILLED);
    }

    public long diskBytesSpilled() {
        return get(TaskMetric.DISK_BYTES_SPILLED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskMetricTotals other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TaskMetricTotals{");
        for (TaskMetric m : TaskMetric.all()) {
            if (values[m.ordinal()] != 0) {
                s.append(m.apiName()).append('=').append(values[m.ordinal()]).append(", ");
            }
        }
        return s.append('}').toString();
    }
}
