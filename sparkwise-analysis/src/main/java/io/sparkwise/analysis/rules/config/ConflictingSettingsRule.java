package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkDurations;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Settings that contradict each other, so one of them silently loses: spark.executor.instances with
 * dynamic allocation on, off-heap memory enabled without a size (or sized but off), executor cores
 * not a multiple of spark.task.cpus, an explicit memory overhead next to an overhead factor, and a
 * heartbeat interval not below the network timeout. Dynamic allocation bounds and its shuffle
 * requirement are reported by resources.dynamic-allocation, not here.
 *
 * <p>Wasted core-seconds: for the task.cpus mismatch, the allocated core-seconds of the cores no task
 * can use (cores mod task.cpus per executor); the others are informational.
 */
public final class ConflictingSettingsRule extends BaseRule implements ApplicationRule {

    public static final String ID = "config.conflicting";

    /** Spark's spark.network.timeout and spark.executor.heartbeatInterval defaults (configuration.html). */
    private static final long DEFAULT_NETWORK_TIMEOUT_MS = SparkDefaults.NETWORK_TIMEOUT_S * 1000;
    private static final long DEFAULT_HEARTBEAT_MS = SparkDefaults.EXECUTOR_HEARTBEAT_INTERVAL_MS;

    public ConflictingSettingsRule() {
        super(ID, RuleCategory.CONFIGURATION,
                "Spark settings that contradict each other");
    }

    /** Judges the configuration, known from the start. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        Application app = context.application();
        Map<String, String> props = app.environment().sparkProperties();
        List<Finding> findings = new ArrayList<>();
        boolean local = app.info().clusterManager() == ClusterManager.LOCAL;
        if (!local) {
            instancesWithDynamicAllocation(context, props).map(f -> f.withSubject("executor-instances")).ifPresent(findings::add);
            taskCpus(context, props).map(f -> f.withSubject("task-cpus")).ifPresent(findings::add);
        }
        offHeap(context, props).map(f -> f.withSubject("off-heap")).ifPresent(findings::add);
        overheadAndFactor(context, props).map(f -> f.withSubject("memory-overhead")).ifPresent(findings::add);
        heartbeat(context, props).map(f -> f.withSubject("heartbeat-interval")).ifPresent(findings::add);
        return findings;
    }

    private Optional<Finding> instancesWithDynamicAllocation(AnalysisContext context, Map<String, String> props) {
        OptionalLong instances = number(props, "spark.executor.instances");
        if (!"true".equals(props.get("spark.dynamicAllocation.enabled")) || instances.isEmpty() || instances.getAsLong() == 0) {
            return Optional.empty();
        }
        long min = number(props, "spark.dynamicAllocation.minExecutors").orElse(0);
        long initial = number(props, "spark.dynamicAllocation.initialExecutors").orElse(min);
        long max = number(props, "spark.dynamicAllocation.maxExecutors").orElse(Integer.MAX_VALUE);
        long effective = Math.min(max, Math.max(instances.getAsLong(), Math.max(initial, min)));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.dynamicAllocation.enabled", "true");
        evidence.put("spark.executor.instances", instances.getAsLong());
        evidence.put("spark.dynamicAllocation.initialExecutors", props.getOrDefault("spark.dynamicAllocation.initialExecutors", "(unset)"));
        evidence.put("effectiveInitialExecutors", effective);
        Map<String, String> config = Map.of("spark.dynamicAllocation.initialExecutors", String.valueOf(effective));
        return Optional.of(finding(context, 0, "spark.executor.instances is set while dynamic allocation is on", evidence,
                "With dynamic allocation on, Spark 3.x treats spark.executor.instances as one more starting count and "
                        + "starts max(instances, initialExecutors, minExecutors) executors (Spark 2.x turned dynamic "
                        + "allocation off instead). Remove spark.executor.instances and say what you mean with "
                        + "spark.dynamicAllocation.initialExecutors.", config, props));
    }

    private Optional<Finding> taskCpus(AnalysisContext context, Map<String, String> props) {
        OptionalLong cpus = number(props, "spark.task.cpus");
        OptionalLong cores = number(props, "spark.executor.cores");
        if (cpus.isEmpty() || cores.isEmpty() || cpus.getAsLong() <= 1 || cores.getAsLong() % cpus.getAsLong() == 0) {
            return Optional.empty();
        }
        long c = cores.getAsLong();
        long t = cpus.getAsLong();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.executor.cores", c);
        evidence.put("spark.task.cpus", t);
        evidence.put("idleCoresPerExecutor", c % t);
        if (c < t) {
            return Optional.of(finding(context, 0, "spark.task.cpus (" + t + ") is above spark.executor.cores (" + c + ")",
                    evidence, "No task fits in an executor: give executors at least spark.task.cpus cores.",
                    Map.of("spark.executor.cores", String.valueOf(t)), props));
        }
        double wasted = context.profile().allocatedCoreSeconds() * (c % t) / c;
        long fitted = c - c % t;
        return Optional.of(finding(context, wasted, (c % t) + " of " + c + " cores per executor can never run a task "
                        + "(spark.task.cpus=" + t + ")", evidence,
                "Executor cores should be a multiple of spark.task.cpus; the remainder idles. Ask for " + fitted
                        + " cores (or " + (fitted + t) + ") per executor.",
                Map.of("spark.executor.cores", String.valueOf(fitted)), props));
    }

    private Optional<Finding> offHeap(AnalysisContext context, Map<String, String> props) {
        boolean enabled = "true".equals(props.get("spark.memory.offHeap.enabled"));
        long size = SparkSizes.parseBytes(props.get("spark.memory.offHeap.size"), 1).orElse(0);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.memory.offHeap.enabled", props.getOrDefault("spark.memory.offHeap.enabled", "false (default)"));
        evidence.put("spark.memory.offHeap.size", props.getOrDefault("spark.memory.offHeap.size", "0 (default)"));
        if (enabled && size <= 0) {
            return Optional.of(finding(context, 0, "Off-heap memory is enabled with no size", evidence,
                    "spark.memory.offHeap.enabled=true needs a positive spark.memory.offHeap.size (Spark refuses to "
                            + "start otherwise in 3.x); without a size in mind, turn off-heap memory off.",
                    Map.of("spark.memory.offHeap.enabled", "false"), props));
        }
        if (!enabled && size > 0) {
            return Optional.of(finding(context, 0, "spark.memory.offHeap.size is set but off-heap memory is off", evidence,
                    "The size is ignored while spark.memory.offHeap.enabled is false: enable it if the off-heap pool "
                            + "was intended (the container then also needs that memory), or drop the size.",
                    Map.of(), props));
        }
        return Optional.empty();
    }

    private Optional<Finding> overheadAndFactor(AnalysisContext context, Map<String, String> props) {
        if (!props.containsKey("spark.executor.memoryOverhead") || !props.containsKey("spark.executor.memoryOverheadFactor")) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.executor.memoryOverhead", props.get("spark.executor.memoryOverhead"));
        evidence.put("spark.executor.memoryOverheadFactor", props.get("spark.executor.memoryOverheadFactor"));
        return Optional.of(finding(context, 0, "Both spark.executor.memoryOverhead and its factor are set", evidence,
                "An explicit spark.executor.memoryOverhead wins and the factor is ignored: remove "
                        + "spark.executor.memoryOverheadFactor so the configuration says what Spark does.", Map.of(), props));
    }

    private Optional<Finding> heartbeat(AnalysisContext context, Map<String, String> props) {
        long timeout = SparkDurations.parseMs(props.get("spark.network.timeout"), TimeUnit.SECONDS).orElse(DEFAULT_NETWORK_TIMEOUT_MS);
        long heartbeat = SparkDurations.parseMs(props.get("spark.executor.heartbeatInterval"), TimeUnit.MILLISECONDS).orElse(DEFAULT_HEARTBEAT_MS);
        if (heartbeat < timeout) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.executor.heartbeatInterval", props.getOrDefault("spark.executor.heartbeatInterval", "10s (default)"));
        evidence.put("spark.network.timeout", props.getOrDefault("spark.network.timeout", "120s (default)"));
        // Spark's defaults keep the heartbeat at a twelfth of the timeout (10 s vs 120 s).
        long suggested = Math.max(1, timeout / 12 / 1000);
        return Optional.of(finding(context, 0, "The executor heartbeat interval is not below the network timeout", evidence,
                "Executors must report more often than the driver's timeout, or healthy executors are declared lost.",
                Map.of("spark.executor.heartbeatInterval", suggested + "s"), props));
    }

    private Finding finding(AnalysisContext context, double wasted, String title, Map<String, Object> evidence, String text,
                            Map<String, String> config, Map<String, String> props) {
        Map<String, String> checked = Proposals.valid(props, config) ? config : Map.of();
        return new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence, context.impact(wasted),
                new Recommendation(text, checked), List.of(), Optional.empty());
    }

    private static OptionalLong number(Map<String, String> props, String key) {
        String v = props.get(key);
        return v != null && v.trim().matches("\\d+") ? OptionalLong.of(Long.parseLong(v.trim())) : OptionalLong.empty();
    }
}
