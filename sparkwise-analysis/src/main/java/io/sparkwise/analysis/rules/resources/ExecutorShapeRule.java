package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.analysis.rules.config.Proposals;
import io.sparkwise.model.Application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Executor shape: too many cores per executor (HDFS client throughput and GC pauses of one big
 * heap: the 4-5 cores advice is folklore from YARN/HDFS practice, not in Spark's docs, and is shown
 * as such), single-core executors (each JVM pays its own overhead, at least 384 MiB, and holds its
 * own copy of every broadcast), and too little unified memory per core ((heap - 300 MiB) x
 * spark.memory.fraction / cores). The fix keeps the total cores and the memory per core.
 *
 * <p>Wasted core-seconds: not measurable from the log, so the finding is informational.
 */
public final class ExecutorShapeRule extends BaseRule implements ApplicationRule {

    public static final String ID = "resources.executor-shape";

    private static final long MIB = 1024L * 1024;

    public ExecutorShapeRule() {
        super(ID, RuleCategory.RESOURCES,
                "Executor cores and memory per core outside the usual shape");
    }

    /** Judges the configuration and the executors asked for, known from the start. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        Map<String, String> props = app.environment().sparkProperties();
        OptionalInt coresOpt = Cluster.coresPerExecutor(app);
        int executors = Cluster.executors(app).size();
        if (Cluster.isLocal(app) || coresOpt.isEmpty() || executors == 0
                || props.keySet().stream().anyMatch(k -> k.startsWith("spark.executor.resource.gpu"))) {
            return List.of();   // GPU executors are shaped around the GPU, not around cores
        }
        int cores = Math.max(1, coresOpt.getAsInt());
        long heap = SparkSizes.parseBytes(props.get("spark.executor.memory"), MIB).orElse(SparkDefaults.EXECUTOR_MEMORY);
        double fraction = fraction(props);
        long unifiedPerCore = (long) ((heap - SparkDefaults.RESERVED_SYSTEM_MEMORY) * fraction / cores);
        int suggestedCores = (int) settings.getLong("suggestedCores");
        List<String> problems = new ArrayList<>();
        int newCores = cores;
        if (cores > settings.getLong("maxCoresPerExecutor")) {
            problems.add(cores + " cores per executor (above " + settings.getLong("maxCoresPerExecutor") + ")");
            newCores = suggestedCores;
        } else if (cores == 1 && executors >= settings.getLong("minExecutorsToMergeSingleCore")) {
            problems.add(executors + " single-core executors");
            newCores = suggestedCores;
        }
        long minUnified = settings.getLong("minUnifiedMemoryPerCoreMiB") * MIB;
        if (unifiedPerCore < minUnified) {
            problems.add(SparkSizes.human(unifiedPerCore) + " of unified memory per core");
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        long newHeap = newHeap(heap, cores, newCores, minUnified, fraction);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.executor.cores", cores);
        evidence.put("spark.executor.memory", SparkSizes.format(heap));
        evidence.put("executors", executors);
        evidence.put("heapPerCore", heap / cores);
        evidence.put("unifiedMemoryPerCore", unifiedPerCore);
        String title = "Executor shape: " + String.join(", ", problems);
        return List.of(new Finding(ID, context.severityFor(0), title, Scope.APPLICATION, evidence, context.impact(0),
                fix(app, cores, newCores, heap, newHeap, executors), List.of(), Optional.empty()));
    }

    /** Heap for {@code newCores}: today's heap per core, raised so each core gets {@code minUnified}; whole GiB. */
    static long newHeap(long heap, int cores, int newCores, long minUnified, double fraction) {
        long perCore = heap / cores * newCores;
        long needed = (long) Math.ceil(minUnified * (double) newCores / fraction) + SparkDefaults.RESERVED_SYSTEM_MEMORY;
        long bytes = Math.max(perCore, needed);
        long gib = 1024 * MIB;
        return (bytes + gib - 1) / gib * gib;
    }

    private static Recommendation fix(Application app, int cores, int newCores, long heap, long newHeap, int executors) {
        Map<String, String> props = app.environment().sparkProperties();
        Map<String, String> config = new LinkedHashMap<>();
        if (newCores != cores) {
            config.put("spark.executor.cores", String.valueOf(newCores));
        }
        if (newHeap != heap) {
            config.put("spark.executor.memory", SparkSizes.format(newHeap));
        }
        SparkSizes.parseBytes(props.get("spark.executor.memoryOverhead"), MIB).ifPresent(overhead -> {
            if (newHeap != heap) {
                config.put("spark.executor.memoryOverhead", SparkSizes.format(Math.max(SparkDefaults.MIN_MEMORY_OVERHEAD,
                        (long) ((double) overhead * newHeap / heap))));
            }
        });
        scaleCount(props, config, "spark.executor.instances", cores, newCores);
        if (Cluster.dynamicAllocation(app)) {
            scaleCount(props, config, "spark.dynamicAllocation.maxExecutors", cores, newCores);
            scaleCount(props, config, "spark.dynamicAllocation.minExecutors", cores, newCores);
            scaleCount(props, config, "spark.dynamicAllocation.initialExecutors", cores, newCores);
        }
        StringBuilder text = new StringBuilder();
        if (newCores < cores) {
            text.append("Split big executors: ").append(cores).append(" cores share one heap and one HDFS client; ")
                    .append("4-5 cores per executor is a widely used heuristic from YARN/HDFS practice (folklore, not ")
                    .append("in Spark's documentation), so measure after the change. ");
        } else if (newCores > cores) {
            text.append("Merge single-core executors: each JVM pays its own memory overhead (at least 384 MiB) and ")
                    .append("holds its own copy of every broadcast variable; ").append(newCores)
                    .append(" cores per executor share both. ");
        }
        if (newHeap > heap / cores * newCores) {
            text.append("Give each core more memory: unified memory is (heap - 300 MiB) x spark.memory.fraction, "
                    + "shared by the running tasks. ");
        }
        text.append("Executor counts are scaled to keep the total cores.");
        if (!Proposals.valid(props, config)) {
            return Recommendation.text(text.toString().strip());
        }
        return new Recommendation(text.toString().strip(), config);
    }

    /** A count of executors scaled to keep the total cores: ceil(n x cores / newCores), at least 1 (0 stays 0). */
    private static void scaleCount(Map<String, String> props, Map<String, String> config, String key, int cores, int newCores) {
        String v = props.get(key);
        if (v == null || !v.trim().matches("\\d+") || cores == newCores) {
            return;
        }
        long n = Long.parseLong(v.trim());
        long scaled = n == 0 ? 0 : Math.max(1, (long) Math.ceil((double) n * cores / newCores));
        config.put(key, String.valueOf(scaled));
    }

    private static double fraction(Map<String, String> props) {
        try {
            return Double.parseDouble(props.getOrDefault("spark.memory.fraction", String.valueOf(SparkDefaults.MEMORY_FRACTION)));
        } catch (NumberFormatException e) {
            return SparkDefaults.MEMORY_FRACTION;
        }
    }
}
