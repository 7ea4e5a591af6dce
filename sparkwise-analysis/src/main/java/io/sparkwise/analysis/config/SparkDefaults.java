package io.sparkwise.analysis.config;

/**
 * Spark defaults the rules and the validator reason with (../shared/reference/spark-facts.md,
 * Spark's configuration docs).
 */
public final class SparkDefaults {

    /** Taken off the executor heap before unified memory (UnifiedMemoryManager.RESERVED_SYSTEM_MEMORY_BYTES). */
    public static final long RESERVED_SYSTEM_MEMORY = 300L * 1024 * 1024;
    public static final double MEMORY_FRACTION = 0.6;
    public static final double MEMORY_STORAGE_FRACTION = 0.5;
    public static final double MEMORY_OVERHEAD_FACTOR = 0.10;
    public static final long MIN_MEMORY_OVERHEAD = 384L * 1024 * 1024;
    public static final long EXECUTOR_MEMORY = 1024L * 1024 * 1024;
    public static final int SHUFFLE_PARTITIONS = 200;
    public static final long MAX_PARTITION_BYTES = 128L * 1024 * 1024;
    public static final long ADVISORY_PARTITION_BYTES = 64L * 1024 * 1024;
    public static final long AUTO_BROADCAST_THRESHOLD = 10L * 1024 * 1024;
    public static final double SKEW_PARTITION_FACTOR = 5;
    public static final long SKEW_PARTITION_THRESHOLD = 256L * 1024 * 1024;

    private SparkDefaults() {
    }
}
