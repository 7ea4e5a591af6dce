package io.sparkwise.analysis.config;

import java.util.OptionalLong;

/**
 * Moved to {@link io.sparkwise.model.spark.SparkSizes} (issue 16: one parser of Spark's size
 * syntax, following Spark's {@code JavaUtils.byteStringAs}). Kept only so code written against the
 * old place while the branches merge still compiles; delete it once nothing imports it.
 */
@Deprecated(forRemoval = true)
public final class SparkSizes {

    private SparkSizes() {
    }

    public static OptionalLong parseBytes(String text, long defaultUnitBytes) {
        return io.sparkwise.model.spark.SparkSizes.parseBytes(text, defaultUnitBytes);
    }

    public static OptionalLong parseMib(String text) {
        return io.sparkwise.model.spark.SparkSizes.parseMib(text);
    }

    public static String format(long bytes) {
        return io.sparkwise.model.spark.SparkSizes.format(bytes);
    }

    public static String human(long bytes) {
        return io.sparkwise.model.spark.SparkSizes.human(bytes);
    }
}
