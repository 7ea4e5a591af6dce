package io.sparkwise.analysis.config;

import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Checks a set of Spark settings for consistency before it is shown to a user: the dynamic
 * allocation bounds, the container or pod memory a node can give, cores per executor, and the
 * syntax of every value. Proposed settings are checked together with the application's current
 * ones, because a proposal is only valid in the configuration it lands in.
 */
public final class ConfigValidator {

    /** What a node offers an executor, when known (from a node type or the cluster manager). */
    public record NodeLimits(long memoryBytes, int cores) {
    }

    /** One inconsistency, with the setting to change to resolve it. */
    public record Problem(String key, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    public record Result(Map<String, String> effective, List<Problem> problems) {
        public Result {
            effective = Map.copyOf(effective);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final NodeLimits node;

    public ConfigValidator() {
        this(null);
    }

    public ConfigValidator(NodeLimits node) {
        this.node = node;
    }

    public Result validate(Map<String, String> current, Map<String, String> proposed) {
        Map<String, String> effective = new LinkedHashMap<>(current);
        effective.putAll(proposed);
        List<Problem> problems = new ArrayList<>();
        checkSyntax(proposed, problems);
        checkDynamicAllocation(effective, problems);
        checkMemory(effective, problems);
        checkFractions(effective, problems);
        return new Result(effective, problems);
    }

    private static void checkSyntax(Map<String, String> proposed, List<Problem> problems) {
        proposed.forEach((key, value) -> {
            if (isSizeKey(key) && SparkSizes.parseBytes(value, 1024 * 1024).isEmpty()) {
                problems.add(new Problem(key, key + "=" + value + " is not a size Spark accepts (e.g. 4g, 512m)"));
            } else if (isIntKey(key) && !value.trim().matches("-?\\d+")) {
                problems.add(new Problem(key, key + "=" + value + " is not a whole number"));
            } else if (isBooleanKey(key) && !value.equals("true") && !value.equals("false")) {
                problems.add(new Problem(key, key + "=" + value + " is not true or false"));
            }
        });
    }

    private static void checkDynamicAllocation(Map<String, String> c, List<Problem> problems) {
        if (!"true".equals(c.get("spark.dynamicAllocation.enabled"))) {
            return;
        }
        long min = intValue(c, "spark.dynamicAllocation.minExecutors", 0);
        long max = intValue(c, "spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
        long initial = intValue(c, "spark.dynamicAllocation.initialExecutors", min);
        if (min > max) {
            problems.add(new Problem("spark.dynamicAllocation.minExecutors", "spark.dynamicAllocation.minExecutors (" + min + ") is above maxExecutors (" + max + ")"));
        }
        if (initial < min || initial > max) {
            problems.add(new Problem("spark.dynamicAllocation.initialExecutors", "spark.dynamicAllocation.initialExecutors (" + initial + ") is not between minExecutors ("
                    + min + ") and maxExecutors (" + max + ")"));
        }
        if (c.containsKey("spark.executor.instances")) {
            long instances = intValue(c, "spark.executor.instances", 0);
            if (instances > max) {
                problems.add(new Problem("spark.executor.instances", "spark.executor.instances (" + instances + ") is above "
                        + "spark.dynamicAllocation.maxExecutors (" + max + ")"));
            }
        }
    }

    private void checkMemory(Map<String, String> c, List<Problem> problems) {
        long heap = size(c, "spark.executor.memory", SparkDefaults.EXECUTOR_MEMORY);
        long container = containerBytes(c);
        if (node != null && container > node.memoryBytes()) {
            problems.add(new Problem("spark.executor.memory", "executor container needs " + SparkSizes.human(container) + " (heap " + SparkSizes.human(heap)
                    + " + overhead + off-heap + PySpark memory) but a node offers " + SparkSizes.human(node.memoryBytes())));
        }
        long cores = intValue(c, "spark.executor.cores", 1);
        if (node != null && cores > node.cores()) {
            problems.add(new Problem("spark.executor.cores", "spark.executor.cores (" + cores + ") is above the node's " + node.cores() + " cores"));
        }
        if (cores < 1) {
            problems.add(new Problem("spark.executor.cores", "spark.executor.cores (" + cores + ") must be at least 1"));
        }
    }

    /**
     * What YARN or Kubernetes must grant one executor: heap + overhead + off-heap (when enabled) +
     * PySpark memory (when set), with Spark's overhead default max(factor x heap, 384 MiB).
     */
    public static long containerBytes(Map<String, String> c) {
        long heap = size(c, "spark.executor.memory", SparkDefaults.EXECUTOR_MEMORY);
        double factor = doubleValue(c, "spark.executor.memoryOverheadFactor", SparkDefaults.MEMORY_OVERHEAD_FACTOR);
        long minOverhead = size(c, "spark.executor.minMemoryOverhead", SparkDefaults.MIN_MEMORY_OVERHEAD);
        long overhead = c.containsKey("spark.executor.memoryOverhead")
                ? size(c, "spark.executor.memoryOverhead", 0)
                : Math.max((long) (heap * factor), minOverhead);
        long offHeap = "true".equals(c.get("spark.memory.offHeap.enabled")) ? size(c, "spark.memory.offHeap.size", 0) : 0;
        long pyspark = size(c, "spark.executor.pyspark.memory", 0);
        return heap + overhead + offHeap + pyspark;
    }

    private static void checkFractions(Map<String, String> c, List<Problem> problems) {
        double fraction = doubleValue(c, "spark.memory.fraction", SparkDefaults.MEMORY_FRACTION);
        if (fraction <= 0 || fraction >= 1) {
            problems.add(new Problem("spark.memory.fraction", "spark.memory.fraction (" + fraction + ") must be between 0 and 1"));
        }
        double storage = doubleValue(c, "spark.memory.storageFraction", SparkDefaults.MEMORY_STORAGE_FRACTION);
        if (storage < 0 || storage > 1) {
            problems.add(new Problem("spark.memory.storageFraction", "spark.memory.storageFraction (" + storage + ") must be between 0 and 1"));
        }
        if (c.containsKey("spark.sql.shuffle.partitions") && intValue(c, "spark.sql.shuffle.partitions", 1) < 1) {
            problems.add(new Problem("spark.sql.shuffle.partitions", "spark.sql.shuffle.partitions must be at least 1"));
        }
    }

    static boolean isSizeKey(String key) {
        return key.endsWith(".memory") || key.endsWith("memoryOverhead") || key.endsWith("offHeap.size")
                || key.endsWith("maxPartitionBytes") || key.endsWith("InBytes") || key.endsWith("Threshold")
                || key.endsWith(".maxResultSize") || key.endsWith("minMemoryOverhead");
    }

    static boolean isIntKey(String key) {
        return key.endsWith("Executors") || key.endsWith(".instances") || key.endsWith(".cores")
                || key.endsWith(".partitions") || key.endsWith("maxFailures") || key.endsWith(".parallelism");
    }

    static boolean isBooleanKey(String key) {
        return key.endsWith(".enabled");
    }

    private static long size(Map<String, String> c, String key, long fallback) {
        // Spark reads unit-less *.memory values as MiB; byte thresholds and spark.memory.offHeap.size
        // (bytesConf(BYTE) in core config/package.scala) are plain bytes.
        long unit = key.endsWith("InBytes") || key.endsWith("Threshold") || key.endsWith("maxPartitionBytes")
                || key.equals("spark.memory.offHeap.size") ? 1 : 1024L * 1024;
        OptionalLong v = SparkSizes.parseBytes(c.get(key), unit);
        return v.isPresent() ? v.getAsLong() : fallback;
    }

    private static long intValue(Map<String, String> c, String key, long fallback) {
        String v = c.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double doubleValue(Map<String, String> c, String key, double fallback) {
        String v = c.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
