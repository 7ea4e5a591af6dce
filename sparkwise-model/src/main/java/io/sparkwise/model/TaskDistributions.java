package io.sparkwise.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Quantile sketches of the successful tasks of a stage attempt, one per {@link TaskQuantity}. */
public record TaskDistributions(Map<TaskQuantity, QuantileSketch> sketches) {

    public static final TaskDistributions EMPTY = new TaskDistributions(Map.of());

    public TaskDistributions {
        EnumMap<TaskQuantity, QuantileSketch> copy = new EnumMap<>(TaskQuantity.class);
        copy.putAll(sketches);
        sketches = Collections.unmodifiableMap(copy);
    }

    /** The sketch of {@code quantity}; empty when no successful task reported it. */
    public QuantileSketch of(TaskQuantity quantity) {
        return sketches.getOrDefault(quantity, QuantileSketch.EMPTY);
    }

    /** Number of tasks the distributions describe. */
    public long taskCount() {
        return of(TaskQuantity.DURATION).count();
    }
}
