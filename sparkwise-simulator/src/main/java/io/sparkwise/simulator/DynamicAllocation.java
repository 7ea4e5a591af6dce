package io.sparkwise.simulator;

/**
 * Bounds of Spark's dynamic allocation ({@code spark.dynamicAllocation.minExecutors} and
 * {@code maxExecutors}). The timeouts of the policy come from the log's Spark properties, or
 * Spark's defaults (see {@link AllocationTimeouts}).
 */
public record DynamicAllocation(int minExecutors, int maxExecutors) {

    public DynamicAllocation {
        if (minExecutors < 0) {
            throw new IllegalArgumentException("minExecutors is negative: " + minExecutors);
        }
        if (maxExecutors < 1 || maxExecutors < minExecutors) {
            throw new IllegalArgumentException("maxExecutors must be at least 1 and at least minExecutors ("
                    + minExecutors + "): " + maxExecutors);
        }
    }
}
