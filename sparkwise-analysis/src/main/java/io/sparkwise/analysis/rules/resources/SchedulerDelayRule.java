package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.config.Proposals;
import io.sparkwise.analysis.rules.config.SparkVersions;
import io.sparkwise.model.Application;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasks spending a large share of their slot time in scheduler delay (launch to start plus result
 * shipping, the History Server's schedulerDelay) rather than running: tasks too small to amortize
 * the per-task cost, or a driver too busy to launch them.
 *
 * <p>Wasted core-seconds: the summed scheduler delay of the successful tasks (a task holds its core
 * from launch to finish).
 */
public final class SchedulerDelayRule extends BaseRule implements ApplicationRule {

    public static final String ID = "resources.scheduler-delay";

    public SchedulerDelayRule() {
        super(ID, RuleCategory.RESOURCES,
                "High scheduler delay compared with task run time");
    }

    /** A share of the task time so far: meaningful while the application runs. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        long delayMs = 0;
        long runMs = 0;
        long tasks = 0;
        QuantileSketch.Builder runTimes = new QuantileSketch.Builder();
        QuantileSketch.Builder delays = new QuantileSketch.Builder();
        for (StageAttempt s : app.stages()) {
            QuantileSketch delay = s.taskDistributions().of(TaskQuantity.SCHEDULER_DELAY);
            QuantileSketch run = s.taskDistributions().of(TaskQuantity.EXECUTOR_RUN_TIME);
            delayMs += delay.sum();
            runMs += run.sum();
            tasks += delay.count();
            delays.addAll(delay);
            runTimes.addAll(run);
        }
        double sharePct = delayMs + runMs == 0 ? 0 : 100.0 * delayMs / (delayMs + runMs);
        if (tasks == 0 || delayMs < settings.getLong("minTotalDelayMs") || sharePct < settings.get("minDelaySharePct")) {
            return List.of();
        }
        QuantileSketch runSketch = runTimes.build();
        long medianRun = runSketch.quantile(0.5);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("schedulerDelay", delayMs);
        evidence.put("executorRunTime", runMs);
        evidence.put("delaySharePct", Format.round(sharePct, 1));
        evidence.put("tasks", tasks);
        evidence.put("medianSchedulerDelay", delays.build().quantile(0.5));
        evidence.put("medianExecutorRunTime", medianRun);
        boolean smallTasks = medianRun < settings.getLong("smallTaskMs");
        String title = "Tasks spent " + Format.pct(sharePct) + " of their time in scheduler delay ("
                + Format.millis(delayMs) + " in total)";
        double wasted = delayMs / 1000.0;
        return List.of(new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence,
                context.impact(wasted), fix(app, smallTasks, medianRun), List.of(), Optional.empty()));
    }

    private static Recommendation fix(Application app, boolean smallTasks, long medianRunMs) {
        if (!smallTasks) {
            return Recommendation.text("Tasks are not small (median " + Format.millis(medianRunMs) + " of run time), so "
                    + "the driver is slow to launch them or to take their results: large task closures or broadcast "
                    + "variables captured in them, big task results (collect), or many concurrent jobs. In cluster mode "
                    + "give the driver more cores (spark.driver.cores) and keep closures small.");
        }
        String text = "The median task runs only " + Format.millis(medianRunMs) + ": per-task overhead dominates (Spark's "
                + "tuning guide puts the efficient minimum near 200 ms). Use fewer, larger partitions: fewer shuffle "
                + "partitions (see the partitioning rules) or coalesce before wide operations.";
        Map<String, String> props = app.environment().sparkProperties();
        boolean aqe = props.containsKey("spark.sql.adaptive.enabled")
                ? "true".equals(props.get("spark.sql.adaptive.enabled")) : SparkVersions.atLeast(app, 3, 2);
        // Whether AQE is on at all is the SQL rules' finding; here only its coalescing switch is ours.
        if (app.sqlExecutions().isEmpty() || !aqe || !"false".equals(props.get("spark.sql.adaptive.coalescePartitions.enabled"))) {
            return Recommendation.text(text);
        }
        Map<String, String> config = Map.of("spark.sql.adaptive.coalescePartitions.enabled", "true");
        if (!Proposals.valid(props, config)) {
            return Recommendation.text(text);
        }
        return new Recommendation(text + " Adaptive execution is on but told not to merge small shuffle partitions.", config);
    }
}
