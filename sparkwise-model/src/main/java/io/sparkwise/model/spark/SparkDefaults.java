package io.sparkwise.model.spark;

/**
 * Spark's defaults that Sparkwise reasons with, in one place for the rules, the validator, the
 * simulator, the advisor and the reports. Each names its setting and where Spark defines it: a
 * {@code ConfigEntry} in core/src/main/scala/org/apache/spark/internal/config/package.scala (core),
 * sql/catalyst/src/main/scala/org/apache/spark/sql/internal/SQLConf.scala (SQL), or Spark's
 * configuration docs; values are those of Spark 3.x and 4.0 unless a note says otherwise
 * (../shared/reference/spark-facts.md lists them too).
 *
 * <p>Times are kept in the unit Spark reads the setting in (its {@code timeConf(unit)}), so a
 * constant reads like the setting: {@code EXECUTOR_IDLE_TIMEOUT_S = 60} is
 * {@code spark.dynamicAllocation.executorIdleTimeout=60s}.
 */
public final class SparkDefaults {

    // Memory (UnifiedMemoryManager; docs: configuration.html "Memory Management", tuning.html)

    /** Taken off the executor heap before unified memory: UnifiedMemoryManager.RESERVED_SYSTEM_MEMORY_BYTES. */
    public static final long RESERVED_SYSTEM_MEMORY = 300L * 1024 * 1024;
    /** {@code spark.memory.fraction} (core MEMORY_FRACTION). */
    public static final double MEMORY_FRACTION = 0.6;
    /** {@code spark.memory.storageFraction} (core MEMORY_STORAGE_FRACTION). */
    public static final double MEMORY_STORAGE_FRACTION = 0.5;
    /** {@code spark.executor.memoryOverheadFactor} (core EXECUTOR_MEMORY_OVERHEAD_FACTOR, 3.3.0+; a fixed 0.10 before). */
    public static final double MEMORY_OVERHEAD_FACTOR = 0.10;
    /** {@code spark.executor.minMemoryOverhead} (core EXECUTOR_MIN_MEMORY_OVERHEAD, 4.0.0+; a fixed 384 MiB before). */
    public static final long MIN_MEMORY_OVERHEAD = 384L * 1024 * 1024;
    /** {@code spark.executor.memory} = 1g (core EXECUTOR_MEMORY); also spark.driver.memory's default. */
    public static final long EXECUTOR_MEMORY = 1024L * 1024 * 1024;

    // SQL (SQLConf; docs: sql-performance-tuning.html)

    /** {@code spark.sql.shuffle.partitions} (SQLConf SHUFFLE_PARTITIONS). */
    public static final int SHUFFLE_PARTITIONS = 200;
    /** {@code spark.sql.files.maxPartitionBytes} = 128 MiB (SQLConf FILES_MAX_PARTITION_BYTES). */
    public static final long MAX_PARTITION_BYTES = 128L * 1024 * 1024;
    /** {@code spark.sql.files.openCostInBytes} = 4 MiB (SQLConf FILES_OPEN_COST_IN_BYTES). */
    public static final long FILES_OPEN_COST_BYTES = 4L * 1024 * 1024;
    /** {@code spark.sql.adaptive.advisoryPartitionSizeInBytes} = 64 MiB (SQLConf ADVISORY_PARTITION_SIZE_IN_BYTES). */
    public static final long ADVISORY_PARTITION_BYTES = 64L * 1024 * 1024;
    /** {@code spark.sql.autoBroadcastJoinThreshold} = 10 MiB (SQLConf AUTO_BROADCASTJOIN_THRESHOLD). */
    public static final long AUTO_BROADCAST_THRESHOLD = 10L * 1024 * 1024;
    /** {@code spark.sql.adaptive.skewJoin.skewedPartitionFactor} (SQLConf SKEW_JOIN_SKEWED_PARTITION_FACTOR). */
    public static final double SKEW_PARTITION_FACTOR = 5;
    /** {@code spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes} = 256 MiB (SQLConf SKEW_JOIN_SKEWED_PARTITION_THRESHOLD). */
    public static final long SKEW_PARTITION_THRESHOLD = 256L * 1024 * 1024;

    // Dynamic allocation (core DYN_ALLOCATION_*, all timeConf(SECONDS), since 1.2.0; docs: configuration.html "Dynamic Allocation")

    /** {@code spark.dynamicAllocation.executorIdleTimeout} = 60s (core DYN_ALLOCATION_EXECUTOR_IDLE_TIMEOUT). */
    public static final long EXECUTOR_IDLE_TIMEOUT_S = 60;
    /** {@code spark.dynamicAllocation.schedulerBacklogTimeout} = 1s (core DYN_ALLOCATION_SCHEDULER_BACKLOG_TIMEOUT). */
    public static final long SCHEDULER_BACKLOG_TIMEOUT_S = 1;
    // spark.dynamicAllocation.sustainedSchedulerBacklogTimeout falls back to schedulerBacklogTimeout.
    /** {@code spark.dynamicAllocation.executorAllocationRatio} (core DYN_ALLOCATION_EXECUTOR_ALLOCATION_RATIO, 2.4.0+). */
    public static final double EXECUTOR_ALLOCATION_RATIO = 1.0;

    // Network and failures (core; docs: configuration.html "Networking", "Scheduling", "Shuffle Behavior")

    /** {@code spark.network.timeout} = 120s, timeConf(SECONDS) (core NETWORK_TIMEOUT, 1.3.0). */
    public static final long NETWORK_TIMEOUT_S = 120;
    /** {@code spark.executor.heartbeatInterval} = 10s, timeConf(MILLISECONDS) (core EXECUTOR_HEARTBEAT_INTERVAL). */
    public static final long EXECUTOR_HEARTBEAT_INTERVAL_MS = 10_000;
    /** {@code spark.shuffle.io.maxRetries} (network-common TransportConf). */
    public static final int SHUFFLE_IO_MAX_RETRIES = 3;
    /** {@code spark.shuffle.io.retryWait} = 5s, read with timeStringAsSec (network-common TransportConf). */
    public static final long SHUFFLE_IO_RETRY_WAIT_S = 5;
    /** {@code spark.task.maxFailures} outside local mode (core TASK_MAX_FAILURES, 0.8.0; local[N] allows 1). */
    public static final int TASK_MAX_FAILURES = 4;

    private SparkDefaults() {
    }
}
