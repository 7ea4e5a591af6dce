package io.sparkwise.analysis.rules.memory;

import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Executor;

import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's unified memory model for the JVM that runs the tasks (an executor; the driver in local
 * mode), from the application's settings with Spark's defaults (../shared/reference/spark-facts.md):
 * unified memory = (heap - 300 MiB) x spark.memory.fraction, shared by the executor's cores; the
 * container adds max(10% of heap, 384 MiB) overhead unless spark.executor.memoryOverhead is set.
 *
 * @param heapKey the setting that sizes the task JVM's heap (spark.driver.memory in local mode)
 * @param heapBytes that heap, Spark's 1g default when unset
 * @param cores task slots per JVM
 * @param fraction spark.memory.fraction
 * @param overheadBytes the container's non-heap allowance (0 in local mode: no container)
 * @param overheadSet whether spark.executor.memoryOverhead is set explicitly
 */
public record MemoryModel(String heapKey, long heapBytes, int cores, double fraction, long overheadBytes,
                          boolean overheadSet, boolean local) {

    public static final String EXECUTOR_MEMORY = "spark.executor.memory";
    public static final String DRIVER_MEMORY = "spark.driver.memory";
    public static final String EXECUTOR_OVERHEAD = "spark.executor.memoryOverhead";
    private static final long MIB = 1024L * 1024;
    private static final Pattern LOCAL_CORES = Pattern.compile("local\\[(\\d+|\\*)");

    public static MemoryModel of(Application app) {
        Map<String, String> p = app.environment().sparkProperties();
        boolean local = app.info().clusterManager() == ClusterManager.LOCAL;
        String heapKey = local ? DRIVER_MEMORY : EXECUTOR_MEMORY;
        long heap = mib(p.get(heapKey), SparkDefaults.EXECUTOR_MEMORY);
        double fraction = number(p.get("spark.memory.fraction"), SparkDefaults.MEMORY_FRACTION);
        boolean overheadSet = p.containsKey(EXECUTOR_OVERHEAD);
        long overhead = local ? 0 : overheadSet ? mib(p.get(EXECUTOR_OVERHEAD), 0)
                : Math.max((long) (heap * number(p.get("spark.executor.memoryOverheadFactor"),
                        SparkDefaults.MEMORY_OVERHEAD_FACTOR)), SparkDefaults.MIN_MEMORY_OVERHEAD);
        return new MemoryModel(heapKey, heap, cores(app, local), fraction, overhead, overheadSet, local);
    }

    /** Unified (execution + storage) memory of one JVM: (heap - 300 MiB) x fraction. */
    public long unifiedBytes() {
        return unifiedBytes(heapBytes);
    }

    public long unifiedBytes(long heap) {
        return (long) (Math.max(0, heap - SparkDefaults.RESERVED_SYSTEM_MEMORY) * fraction);
    }

    /** The most execution memory one task can get when all cores run tasks: unified / cores. */
    public long perTaskBytes() {
        return unifiedBytes() / Math.max(1, cores);
    }

    /** The heap that gives each task {@code perTask} bytes of unified memory, rounded up to a GiB. */
    public long heapForPerTask(long perTask) {
        long heap = (long) Math.ceil(perTask * (double) Math.max(1, cores) / fraction) + SparkDefaults.RESERVED_SYSTEM_MEMORY;
        long gib = 1024 * MIB;
        return (heap + gib - 1) / gib * gib;
    }

    /** Heap plus overhead: what YARN or Kubernetes grants one executor (off-heap and PySpark aside). */
    public long containerBytes() {
        return heapBytes + overheadBytes;
    }

    /**
     * Unified memory per task as the executors reported it (BlockManager max memory / cores), which
     * is below the model because the JVM reports less than -Xmx; empty when the log has none.
     */
    public static OptionalLong measuredPerTaskBytes(Application app) {
        boolean hasExecutors = app.executors().stream().anyMatch(e -> !e.isDriver());
        long min = Long.MAX_VALUE;
        for (Executor e : app.executors()) {
            if (e.isDriver() == hasExecutors || e.maxMemory() <= 0 || e.totalCores() <= 0) {
                continue;
            }
            min = Math.min(min, e.maxMemory() / e.totalCores());
        }
        return min == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(min);
    }

    public static String format(long bytes) {
        return SparkSizes.format(bytes);
    }

    private static int cores(Application app, boolean local) {
        if (local) {
            Matcher m = LOCAL_CORES.matcher(app.environment().sparkProperties().getOrDefault("spark.master", ""));
            if (m.find() && !m.group(1).equals("*")) {
                return Integer.parseInt(m.group(1));
            }
        } else {
            String v = app.environment().sparkProperties().get("spark.executor.cores");
            if (v != null && v.trim().matches("\\d+")) {
                return Math.max(1, Integer.parseInt(v.trim()));
            }
        }
        int max = 0;
        boolean hasExecutors = app.executors().stream().anyMatch(e -> !e.isDriver());
        for (Executor e : app.executors()) {
            if (e.isDriver() != hasExecutors) {
                max = Math.max(max, e.totalCores());
            }
        }
        return Math.max(1, max);
    }

    private static long mib(String value, long fallback) {
        OptionalLong v = SparkSizes.parseBytes(value, MIB);
        return v.isPresent() && v.getAsLong() > 0 ? v.getAsLong() : fallback;
    }

    private static double number(String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
