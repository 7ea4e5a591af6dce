package io.sparkwise.analysis.rules.config;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Moved to {@link io.sparkwise.model.spark.SparkDurations} (issue 16: one parser of Spark's time
 * syntax, following Spark's {@code JavaUtils.timeStringAs}). Kept only so code written against the
 * old place while the branches merge still compiles; delete it once nothing imports it.
 */
@Deprecated(forRemoval = true)
public final class SparkDurations {

    private SparkDurations() {
    }

    /**
     * Milliseconds of a time; a plain number is in {@code defaultUnitMs} (1: ms, 1000: s, 60000:
     * min). A suffixed time is not truncated to that unit here, unlike
     * {@link io.sparkwise.model.spark.SparkDurations#parseMs} for a setting Spark reads in seconds.
     */
    public static OptionalLong parseMs(String text, long defaultUnitMs) {
        OptionalLong ms = io.sparkwise.model.spark.SparkDurations.parse(text, TimeUnit.MILLISECONDS);
        boolean plainNumber = text != null && text.strip().matches("-?[0-9]+");
        if (ms.isEmpty() || !plainNumber) {
            return ms;
        }
        try {
            return OptionalLong.of(Math.multiplyExact(ms.getAsLong(), defaultUnitMs));
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }
}
