package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.ApplicationProfile;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Environment;
import io.sparkwise.model.spark.SparkDefaults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executors held but idle: the core-seconds the executors were allocated for, minus the
 * core-seconds tasks ran. The idle share is what a smaller or elastic cluster would save.
 */
public final class IdleExecutorsRule extends BaseRule implements ApplicationRule {

    public static final String ID = "resources.idle-executors";

    public IdleExecutorsRule() {
        super(ID, RuleCategory.RESOURCES,
                "Executor cores allocated but not running tasks");
    }

    /** Idle time is judged over the whole run: executors idle now may be busy in the next stage. */
    @Override
    public boolean appliesWhileRunning() {
        return false;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        Application app = context.application();
        RuleSettings settings = context.settings(ID);
        ApplicationProfile profile = context.profile();
        if (app.info().clusterManager() == ClusterManager.LOCAL || profile.executorCount() == 0) {
            return List.of();   // local mode: the driver is the executor, nothing to release
        }
        double allocated = profile.allocatedCoreSeconds();
        double used = profile.taskCoreSeconds();
        double idle = Math.max(0, allocated - used);
        double idlePct = allocated <= 0 ? 0 : 100 * idle / allocated;
        if (allocated < settings.get("minAllocatedCoreSeconds") || idlePct < settings.get("minIdlePct")) {
            return List.of();
        }
        // Idle time in the gaps resources.driver-gaps reports is its waste (its fix is different):
        // counting it here too would rank and price the same core-seconds twice.
        double inDriverGaps = Math.min(idle, DriverGapsRule.coreMsInGaps(app, DriverGapsRule.reportedGaps(context)) / 1000.0);
        double wasted = idle - inDriverGaps;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("allocatedCoreSeconds", Math.round(allocated));
        evidence.put("taskCoreSeconds", Math.round(used));
        evidence.put("idlePct", Format.round(idlePct, 1));
        evidence.put("idleCoreSecondsInDriverGaps", Math.round(inDriverGaps));
        evidence.put("executors", profile.executorCount());
        evidence.put("maxConcurrentCores", profile.maxConcurrentCores());
        String title = Format.pct(idlePct) + " of executor core time was idle (" + Math.round(idle)
                + " of " + Math.round(allocated) + " core-seconds"
                + (inDriverGaps >= 1 ? ", " + Math.round(inDriverGaps) + " of them in driver gaps" : "") + ")";
        return List.of(new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence,
                context.impact(wasted), fix(app.environment(), settings), List.of(), Optional.empty()));
    }

    private static Recommendation fix(Environment env, RuleSettings settings) {
        boolean dynamic = "true".equals(env.sparkProperty("spark.dynamicAllocation.enabled").orElse("false"));
        Map<String, String> config = new LinkedHashMap<>();
        if (!dynamic) {
            config.put("spark.dynamicAllocation.enabled", "true");
            config.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
            config.put("spark.dynamicAllocation.executorIdleTimeout", SparkDefaults.EXECUTOR_IDLE_TIMEOUT_S + "s");
            env.sparkProperty("spark.executor.instances").ifPresent(n -> {
                config.put("spark.dynamicAllocation.maxExecutors", n);
                config.put("spark.dynamicAllocation.minExecutors", "0");
            });
            return new Recommendation("Let Spark release idle executors: enable dynamic allocation with shuffle "
                    + "tracking (no external shuffle service needed), capped at today's executor count.", config);
        }
        config.put("spark.dynamicAllocation.executorIdleTimeout", Math.round(settings.get("suggestedIdleTimeoutSeconds")) + "s");
        return new Recommendation("Dynamic allocation is on but executors still idle: release them sooner, "
                + "and check spark.dynamicAllocation.minExecutors is not holding them.", config);
    }
}
