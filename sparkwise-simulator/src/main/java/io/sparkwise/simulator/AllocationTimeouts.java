package io.sparkwise.simulator;

import io.sparkwise.model.Environment;

import java.util.Locale;
import java.util.Optional;

/**
 * The timeouts of Spark's dynamic allocation policy (ExecutorAllocationManager), in ms.
 * Defaults are Spark's (docs: configuration.html, "Dynamic Allocation"): backlog 1 s, sustained
 * backlog = backlog, executor idle 60 s, allocation ratio 1.
 */
public record AllocationTimeouts(long schedulerBacklogMs, long sustainedSchedulerBacklogMs, long executorIdleMs,
                                 double executorAllocationRatio) {

    public static final AllocationTimeouts SPARK_DEFAULTS = new AllocationTimeouts(1_000, 1_000, 60_000, 1.0);

    public AllocationTimeouts {
        if (schedulerBacklogMs <= 0 || sustainedSchedulerBacklogMs <= 0 || executorIdleMs < 0) {
            throw new IllegalArgumentException("dynamic allocation timeouts must be positive");
        }
        if (!(executorAllocationRatio > 0 && executorAllocationRatio <= 1)) {
            throw new IllegalArgumentException("executorAllocationRatio must be in (0, 1]: " + executorAllocationRatio);
        }
    }

    /** The timeouts the application set, Spark's defaults for the others (and for values we cannot read). */
    public static AllocationTimeouts of(Environment environment) {
        long backlog = time(environment, "spark.dynamicAllocation.schedulerBacklogTimeout")
                .orElse(SPARK_DEFAULTS.schedulerBacklogMs);
        long sustained = time(environment, "spark.dynamicAllocation.sustainedSchedulerBacklogTimeout").orElse(backlog);
        long idle = time(environment, "spark.dynamicAllocation.executorIdleTimeout").orElse(SPARK_DEFAULTS.executorIdleMs);
        double ratio = environment.sparkProperty("spark.dynamicAllocation.executorAllocationRatio")
                .flatMap(AllocationTimeouts::ratio).orElse(1.0);
        return new AllocationTimeouts(Math.max(1, backlog), Math.max(1, sustained), idle, ratio);
    }

    private static Optional<Double> ratio(String value) {
        try {
            double r = Double.parseDouble(value.trim());
            return r > 0 && r <= 1 ? Optional.of(r) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> time(Environment environment, String key) {
        return environment.sparkProperty(key).flatMap(AllocationTimeouts::parseTime);
    }

    /**
     * A Spark time string in ms ({@code 60s}, {@code 500ms}, {@code 2min}, {@code 1h}; a bare number
     * is seconds, as for these settings in Spark); empty when unreadable.
     */
    static Optional<Long> parseTime(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < v.length() && (Character.isDigit(v.charAt(split)) || v.charAt(split) == '.')) {
            split++;
        }
        if (split == 0) {
            return Optional.empty();
        }
        double number;
        try {
            number = Double.parseDouble(v.substring(0, split));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        double unitMs = switch (v.substring(split).trim()) {
            case "us" -> 0.001;
            case "ms" -> 1;
            case "", "s" -> 1_000;
            case "m", "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> -1;
        };
        if (unitMs < 0) {
            return Optional.empty();
        }
        return Optional.of(Math.round(number * unitMs));
    }
}
