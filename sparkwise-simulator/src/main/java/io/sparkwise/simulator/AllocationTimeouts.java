package io.sparkwise.simulator;

import io.sparkwise.model.Environment;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkDurations;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The timeouts of Spark's dynamic allocation policy (ExecutorAllocationManager), in ms.
 * Defaults are Spark's ({@link SparkDefaults}): backlog 1 s, sustained backlog = backlog, executor
 * idle 60 s, allocation ratio 1.
 */
public record AllocationTimeouts(long schedulerBacklogMs, long sustainedSchedulerBacklogMs, long executorIdleMs,
                                 double executorAllocationRatio) {

    public static final AllocationTimeouts SPARK_DEFAULTS = new AllocationTimeouts(
            SparkDefaults.SCHEDULER_BACKLOG_TIMEOUT_S * 1000, SparkDefaults.SCHEDULER_BACKLOG_TIMEOUT_S * 1000,
            SparkDefaults.EXECUTOR_IDLE_TIMEOUT_S * 1000, SparkDefaults.EXECUTOR_ALLOCATION_RATIO);

    public AllocationTimeouts {
        if (schedulerBacklogMs <= 0 || sustainedSchedulerBacklogMs <= 0 || executorIdleMs < 0) {
            throw new IllegalArgumentException("dynamic allocation timeouts must be positive");
        }
        if (!(executorAllocationRatio > 0 && executorAllocationRatio <= 1)) {
            throw new IllegalArgumentException("executorAllocationRatio must be in (0, 1]: " + executorAllocationRatio);
        }
    }

    /**
     * The timeouts the application set, Spark's defaults for the others and for values Spark would
     * refuse with dynamic allocation on (unreadable, a backlog timeout under 1 s, a negative idle
     * timeout). Spark reads all three in whole seconds (timeConf(SECONDS)): "1500ms" is 1 s.
     */
    public static AllocationTimeouts of(Environment environment) {
        long backlog = seconds(environment, "spark.dynamicAllocation.schedulerBacklogTimeout", 1)
                .orElse(SPARK_DEFAULTS.schedulerBacklogMs);
        long sustained = seconds(environment, "spark.dynamicAllocation.sustainedSchedulerBacklogTimeout", 1)
                .orElse(backlog);
        long idle = seconds(environment, "spark.dynamicAllocation.executorIdleTimeout", 0)
                .orElse(SPARK_DEFAULTS.executorIdleMs);
        double ratio = environment.sparkProperty("spark.dynamicAllocation.executorAllocationRatio")
                .flatMap(AllocationTimeouts::ratio).orElse(SparkDefaults.EXECUTOR_ALLOCATION_RATIO);
        return new AllocationTimeouts(backlog, sustained, idle, ratio);
    }

    private static Optional<Double> ratio(String value) {
        try {
            double r = Double.parseDouble(value.trim());
            return r > 0 && r <= 1 ? Optional.of(r) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Milliseconds of a setting Spark reads in seconds, when at least {@code minSeconds}. */
    private static Optional<Long> seconds(Environment environment, String key, long minSeconds) {
        OptionalLong ms = SparkDurations.parseMs(environment.sparkProperty(key).orElse(null), TimeUnit.SECONDS);
        return ms.isPresent() && ms.getAsLong() >= minSeconds * 1000 ? Optional.of(ms.getAsLong()) : Optional.empty();
    }
}
