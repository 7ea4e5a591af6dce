package io.sparkwise.simulator;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A cluster to replay an application on: a fixed number of executors of {@code coresPerExecutor}
 * cores each, or Spark's dynamic allocation between a minimum and a maximum.
 *
 * @param executors executors for a fixed cluster; for dynamic allocation the initial number
 *     ({@code spark.dynamicAllocation.initialExecutors}, at least the minimum)
 * @param coresPerExecutor {@code spark.executor.cores}; task slots per executor are this divided
 *     by the log's {@code spark.task.cpus}
 */
public record ClusterOption(int executors, int coresPerExecutor, Optional<DynamicAllocation> dynamicAllocation) {

    public ClusterOption {
        requireNonNull(dynamicAllocation, "dynamicAllocation is null");
        if (coresPerExecutor < 1) {
            throw new IllegalArgumentException("coresPerExecutor must be at least 1: " + coresPerExecutor);
        }
        if (dynamicAllocation.isEmpty() && executors < 1) {
            throw new IllegalArgumentException("executors must be at least 1: " + executors);
        }
        if (dynamicAllocation.isPresent()) {
            DynamicAllocation da = dynamicAllocation.get();
            if (executors < da.minExecutors() || executors > da.maxExecutors()) {
                throw new IllegalArgumentException("initial executors " + executors + " not within dynamic allocation bounds "
                        + da.minExecutors() + ".." + da.maxExecutors());
            }
        }
    }

    /** {@code executors} executors of {@code coresPerExecutor} cores, up from the start, never removed. */
    public static ClusterOption fixed(int executors, int coresPerExecutor) {
        return new ClusterOption(executors, coresPerExecutor, Optional.empty());
    }

    /** Dynamic allocation from {@code min} (also the initial count) up to {@code max} executors. */
    public static ClusterOption dynamic(int min, int max, int coresPerExecutor) {
        return new ClusterOption(min, coresPerExecutor, Optional.of(new DynamicAllocation(min, max)));
    }

    public boolean isDynamic() {
        return dynamicAllocation.isPresent();
    }

    /** {@code 4 x 2 cores} or {@code dynamic 0..8 x 2 cores}. */
    public String label() {
        return dynamicAllocation.map(da -> "dynamic " + da.minExecutors() + ".." + da.maxExecutors())
                .orElse(String.valueOf(executors)) + " x " + coresPerExecutor + (coresPerExecutor == 1 ? " core" : " cores");
    }
}
