package io.sparkwise.analysis.rules.failures;

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
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Speculative execution's losing copies: task attempts killed because "another attempt succeeded".
 * Their run time is paid for and thrown away; the time the winning copies saved is not in the log's
 * aggregates, so the rule compares the waste with the application's task time instead.
 *
 * <p>Wasted core-seconds: the summed duration of the killed losing attempts.
 */
public final class SpeculationWasteRule extends BaseRule implements ApplicationRule {

    public static final String ID = "failures.speculation-waste";

    private static final String KILL_REASON = "another attempt succeeded";

    public SpeculationWasteRule() {
        super(ID, RuleCategory.FAILURES,
                "Core time spent on speculative task copies that lost");
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
        long wastedMs = 0;
        int killed = 0;
        TreeSet<Integer> stages = new TreeSet<>();
        for (StageAttempt stage : app.stages()) {
            for (TaskFailureGroup g : stage.taskFailures()) {
                if (g.kind() == TaskFailureKind.TASK_KILLED && g.cause().toLowerCase(Locale.ROOT).contains(KILL_REASON)) {
                    wastedMs += g.wastedTaskTime();
                    killed += g.count();
                    stages.add(stage.stageId());
                }
            }
        }
        double wasted = wastedMs / 1000.0;
        double taskSeconds = context.profile().taskCoreSeconds();
        double sharePct = taskSeconds <= 0 ? 0 : 100 * wasted / taskSeconds;
        if (killed == 0 || wasted < settings.get("minWastedSeconds") || sharePct < settings.get("minWastedSharePct")) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("killedSpeculativeLosers", killed);
        evidence.put("wastedTaskTime", wastedMs);
        evidence.put("wastedSharePct", Format.round(sharePct, 1));
        evidence.put("stageIds", stages.toString());
        evidence.put("spark.speculation.multiplier", multiplier(app));
        evidence.put("spark.speculation.quantile", quantile(app));
        String title = "Speculation threw away " + Format.pct(sharePct) + " of task time (" + killed
                + " losing attempt" + (killed == 1 ? "" : "s") + ")";
        return List.of(new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence,
                context.impact(wasted), fix(app, settings, sharePct), List.of("timeSavedByWinningSpeculativeAttempts"),
                Optional.empty()));
    }

    private static Recommendation fix(Application app, RuleSettings settings, double sharePct) {
        double m = multiplier(app);
        double q = quantile(app);
        double suggestedM = settings.get("suggestedMultiplier");
        double suggestedQ = settings.get("suggestedQuantile");
        Map<String, String> config = new LinkedHashMap<>();
        String text;
        if (sharePct >= settings.get("disableSharePct") || (m >= suggestedM && q >= suggestedQ)) {
            config.put("spark.speculation", "false");
            text = "Speculation costs more than stragglers do here, even with conservative settings: turn it off and "
                    + "fix stragglers at their cause (skew, a slow node: see the skew and failures.excluded-executors rules).";
        } else {
            config.put("spark.speculation.multiplier", number(Math.max(m, suggestedM)));
            config.put("spark.speculation.quantile", number(Math.max(q, suggestedQ)));
            text = "Speculate later and only on real stragglers: a task is copied when it runs longer than multiplier x "
                    + "the median and only after the quantile of tasks finished.";
        }
        if (!Proposals.valid(app.environment().sparkProperties(), config)) {
            config.clear();
        }
        return new Recommendation(text, config);
    }

    /** spark.speculation.multiplier, default 1.5 before Spark 4.0 and 3 since (core/config/package.scala). */
    private static double multiplier(Application app) {
        return number(app, "spark.speculation.multiplier", SparkVersions.atLeast(app, 4, 0) ? 3 : 1.5);
    }

    /** spark.speculation.quantile, default 0.75 before Spark 4.0 and 0.9 since. */
    private static double quantile(Application app) {
        return number(app, "spark.speculation.quantile", SparkVersions.atLeast(app, 4, 0) ? 0.9 : 0.75);
    }

    private static double number(Application app, String key, double fallback) {
        try {
            return app.environment().sparkProperty(key).map(v -> Double.parseDouble(v.trim())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
