package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.model.Application;
import io.sparkwise.model.Environment;
import io.sparkwise.model.StageAttempt;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Partition arithmetic the skew, partitioning and memory rules share: the 128 MiB target
 * (spark.sql.files.maxPartitionBytes' default, the split size Spark itself aims at), the current
 * settings with Spark's defaults, and whether adaptive query execution is on.
 */
public final class PartitionMath {

    /** Bytes per task Spark aims at for file splits; we aim shuffle partitions at the same size. */
    public static final long TARGET_PARTITION_BYTES = SparkDefaults.MAX_PARTITION_BYTES;
    public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    public static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
    public static final String AQE = "spark.sql.adaptive.enabled";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private PartitionMath() {
    }

    /** Partitions that hold {@code bytes} at the 128 MiB target, rounded up (500 GB -> 4000). */
    public static long partitionsFor(long bytes) {
        return Math.max(1, (bytes + TARGET_PARTITION_BYTES - 1) / TARGET_PARTITION_BYTES);
    }

    /** A stage that reads shuffle data: its task count is a shuffle partition count. */
    public static boolean isShuffleStage(StageAttempt stage) {
        return stage.metrics().shuffleReadBytes() > 0;
    }

    /** A stage that reads input (files, tables) and no shuffle data: its tasks are input splits. */
    public static boolean isScanStage(StageAttempt stage) {
        return stage.metrics().inputBytes() > 0 && !isShuffleStage(stage);
    }

    /** spark.sql.shuffle.partitions as set; empty when unset or not a number (Databricks' "auto"). */
    public static OptionalInt shufflePartitionsSetting(Environment env) {
        String v = env.sparkProperties().get(SHUFFLE_PARTITIONS);
        if (v == null || !v.trim().matches("\\d+")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(v.trim()));
    }

    /** The shuffle partition count in effect: the setting, else Spark's default 200 (unless "auto"). */
    public static int shufflePartitions(Environment env) {
        return shufflePartitionsSetting(env).orElse(SparkDefaults.SHUFFLE_PARTITIONS);
    }

    public static boolean shufflePartitionsUnset(Environment env) {
        return !env.sparkProperties().containsKey(SHUFFLE_PARTITIONS);
    }

    /** spark.sql.files.maxPartitionBytes in effect (a plain number is bytes). */
    public static long maxPartitionBytes(Environment env) {
        OptionalLong v = SparkSizes.parseBytes(env.sparkProperties().get(MAX_PARTITION_BYTES), 1);
        return v.isPresent() && v.getAsLong() > 0 ? v.getAsLong() : SparkDefaults.MAX_PARTITION_BYTES;
    }

    /** Adaptive query execution: the setting, else Spark's default (on since 3.2.0, off before). */
    public static boolean aqeEnabled(Application app) {
        String v = app.environment().sparkProperties().get(AQE);
        if (v != null) {
            return Boolean.parseBoolean(v.trim());
        }
        return sparkAtLeast(app, 3, 2);
    }

    /** Whether the log's Spark version is at least major.minor; false when the version is unknown. */
    public static boolean sparkAtLeast(Application app, int major, int minor) {
        if (app.info().sparkVersion().isEmpty()) {
            return false;
        }
        Matcher m = VERSION.matcher(app.info().sparkVersion().get());
        if (!m.find()) {
            return false;
        }
        int ma = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        return ma > major || (ma == major && mi >= minor);
    }

    /**
     * Time the successful tasks of a stage spent outside running user code: scheduling,
     * deserialization, result serialization and fetching (sum of durations - sum of run times), in
     * ms. This is the per-task cost fewer tasks would save.
     */
    public static long taskOverheadMs(StageAttempt stage) {
        long duration = stage.taskDistributions().of(io.sparkwise.model.TaskQuantity.DURATION).sum();
        long run = stage.taskDistributions().of(io.sparkwise.model.TaskQuantity.EXECUTOR_RUN_TIME).sum();
        return Math.max(0, duration - run);
    }

    /** Bytes the stage's tasks read: shuffle read for a shuffle stage, else input. */
    public static long dataBytes(StageAttempt stage) {
        return isShuffleStage(stage) ? stage.metrics().shuffleReadBytes() : stage.metrics().inputBytes();
    }

    /** A byte size in Spark syntax, rounded down to whole MiB (for limits that must stay below a value). */
    public static String floorMib(long bytes) {
        long mib = bytes / (1024L * 1024);
        return mib <= 0 ? String.valueOf(Math.max(0, bytes)) : mib + "m";
    }
}
