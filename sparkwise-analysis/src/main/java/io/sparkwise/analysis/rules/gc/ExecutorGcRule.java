package io.sparkwise.analysis.rules.gc;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.StageAttempt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executors that spent a large share of their task time in garbage collection (totalGCTime /
 * totalDuration, the History Server's executor fields, as Dr. Elephant's executor GC heuristic
 * computes it), in an application long enough for it to matter.
 *
 * <p>The driver row is left out: the History Server gives it the application's duration as
 * totalDuration. In local mode, where the driver runs the tasks, the stages' JVM GC time and run
 * time stand in for it.
 */
public final class ExecutorGcRule extends BaseRule implements ApplicationRule {

    public static final String ID = "gc.executor-gc";

    public ExecutorGcRule() {
        super(ID, RuleCategory.GC,
                "Executors spent a large share of their task time in garbage collection");
    }

    /** GC and task time of one JVM. */
    private record JvmTime(String id, long gcMs, long taskMs) {
        double ratio() {
            return taskMs == 0 ? 0 : (double) gcMs / taskMs;
        }
    }

    /** A share of task time: meaningful over the run so far. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        if (context.profile().wallTimeMs() < settings.getLong("minAppDurationMs")) {
            return List.of();
        }
        List<JvmTime> jvms = jvms(app).stream().filter(j -> j.taskMs() >= settings.getLong("minTaskTimeMs")).toList();
        long gc = jvms.stream().mapToLong(JvmTime::gcMs).sum();
        long task = jvms.stream().mapToLong(JvmTime::taskMs).sum();
        double ratio = task == 0 ? 0 : (double) gc / task;
        if (jvms.isEmpty() || ratio < settings.get("warnRatio")) {
            return List.of();
        }
        JvmTime worst = jvms.stream().max(java.util.Comparator.comparingDouble(JvmTime::ratio)).orElseThrow();
        long above = jvms.stream().filter(j -> j.ratio() >= settings.get("warnRatio")).count();
        double wasted = GcFix.wastedCoreSeconds(gc, task, settings);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("totalGCTime", gc);
        evidence.put("totalDuration", task);
        evidence.put("gcRatio", Format.round(ratio, 3));
        evidence.put("executors", jvms.size());
        evidence.put("executorsAboveWarnRatio", above);
        evidence.put("worstExecutorId", worst.id());
        evidence.put("worstExecutorGcRatio", Format.round(worst.ratio(), 3));
        String title = "Executors spent " + Format.pct(100 * ratio) + " of task time in GC (" + Format.millis(gc)
                + "; " + above + " of " + jvms.size() + " executors above " + Format.pct(100 * settings.get("warnRatio")) + ")";
        return List.of(new Finding(ID, GcFix.severity(context, ratio, wasted, settings), title, Scope.APPLICATION,
                evidence, context.impact(wasted), GcFix.recommendation(app, settings), List.of(), Optional.empty()));
    }

    private static List<JvmTime> jvms(Application app) {
        List<JvmTime> out = app.executors().stream().filter(e -> !e.isDriver())
                .map(e -> new JvmTime(e.id(), e.totalGCTime(), e.totalDuration())).toList();
        if (!out.isEmpty()) {
            return out;
        }
        // Local mode: the driver runs the tasks but its row's totalDuration is the app's duration.
        long gc = 0;
        long run = 0;
        for (StageAttempt s : app.stages()) {
            gc += s.metrics().jvmGcTime();
            run += s.metrics().executorRunTime();
        }
        return run == 0 ? List.of() : List.of(new JvmTime(Executor.DRIVER_ID, gc, run));
    }
}
