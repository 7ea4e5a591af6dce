package io.sparkwise.analysis.config;

/**
 * Moved to {@link io.sparkwise.model.spark.SparkDefaults} (issue 16: one place for Spark's
 * defaults, usable by the simulator too). Kept only so code written against the old place while
 * the branches merge still compiles; delete it once nothing imports it.
 */
@Deprecated(forRemoval = true)
public final class SparkDefaults {

    public static final long RESERVED_SYSTEM_MEMORY = io.sparkwise.model.spark.SparkDefaults.RESERVED_SYSTEM_MEMORY;
    public static final double MEMORY_FRACTION = io.sparkwise.model.spark.SparkDefaults.MEMORY_FRACTION;
    public static final double MEMORY_STORAGE_FRACTION = io.sparkwise.model.spark.SparkDefaults.MEMORY_STORAGE_FRACTION;
    public static final double MEMORY_OVERHEAD_FACTOR = io.sparkwise.model.spark.SparkDefaults.MEMORY_OVERHEAD_FACTOR;
    public static final long MIN_MEMORY_OVERHEAD = io.sparkwise.model.spark.SparkDefaults.MIN_MEMORY_OVERHEAD;
    public static final long EXECUTOR_MEMORY = io.sparkwise.model.spark.SparkDefaults.EXECUTOR_MEMORY;
    public static final int SHUFFLE_PARTITIONS = io.sparkwise.model.spark.SparkDefaults.SHUFFLE_PARTITIONS;
    public static final long MAX_PARTITION_BYTES = io.sparkwise.model.spark.SparkDefaults.MAX_PARTITION_BYTES;
    public static final long ADVISORY_PARTITION_BYTES = io.sparkwise.model.spark.SparkDefaults.ADVISORY_PARTITION_BYTES;
    public static final long AUTO_BROADCAST_THRESHOLD = io.sparkwise.model.spark.SparkDefaults.AUTO_BROADCAST_THRESHOLD;
    public static final double SKEW_PARTITION_FACTOR = io.sparkwise.model.spark.SparkDefaults.SKEW_PARTITION_FACTOR;
    public static final long SKEW_PARTITION_THRESHOLD = io.sparkwise.model.spark.SparkDefaults.SKEW_PARTITION_THRESHOLD;

    private SparkDefaults() {
    }
}
