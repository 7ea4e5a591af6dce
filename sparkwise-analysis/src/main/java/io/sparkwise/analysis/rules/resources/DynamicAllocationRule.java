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
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.analysis.rules.config.Proposals;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkDurations;
import io.sparkwise.analysis.rules.config.SparkVersions;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic allocation off for a long application whose stages vary in width (many stages need far
 * fewer cores than were held), or on but mis-set: bounds out of order, no way to keep shuffle
 * output (neither shuffle tracking nor an external shuffle service), or an idle timeout so long
 * executors are never released.
 *
 * <p>Wasted core-seconds (off): for each stage narrower than half the peak cores, the cores it could
 * not use times its wall time, capped at the application's idle core time. Mis-settings: not
 * measurable, informational.
 */
public final class DynamicAllocationRule extends BaseRule implements ApplicationRule {

    public static final String ID = "resources.dynamic-allocation";

    private static final String MIN = "spark.dynamicAllocation.minExecutors";
    private static final String MAX = "spark.dynamicAllocation.maxExecutors";
    private static final String INITIAL = "spark.dynamicAllocation.initialExecutors";
    private static final String INSTANCES = "spark.executor.instances";

    public DynamicAllocationRule() {
        super(ID, RuleCategory.RESOURCES,
                "Dynamic allocation off where stage widths vary, or on but mis-set");
    }

    /** Judges how stage widths and executors varied over the whole run. */
    @Override
    public boolean appliesWhileRunning() {
        return false;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        Application app = context.application();
        if (Cluster.isLocal(app)) {
            return List.of();   // Spark ignores dynamic allocation in local mode
        }
        RuleSettings settings = context.settings(ID);
        if (!Cluster.dynamicAllocation(app)) {
            return whenOff(context, settings).map(List::of).orElse(List.of());
        }
        List<Finding> findings = new ArrayList<>();
        bounds(context).map(f -> f.withSubject("bounds")).ifPresent(findings::add);
        shuffle(context).map(f -> f.withSubject("shuffle-tracking")).ifPresent(findings::add);
        idleTimeout(context, settings).map(f -> f.withSubject("idle-timeout")).ifPresent(findings::add);
        return findings;
    }

    private Optional<Finding> whenOff(AnalysisContext context, RuleSettings settings) {
        Application app = context.application();
        List<StageAttempt> ran = Stages.ran(app);
        int peak = Cluster.peakConcurrentCores(app);
        if (Cluster.executors(app).size() < 2 || ran.size() < 2 || peak == 0
                || context.profile().wallTimeMs() < settings.getLong("minAppDurationMs")) {
            return Optional.empty();
        }
        long stageMs = 0;
        long narrowMs = 0;
        long unusedCoreMs = 0;
        int narrowStages = 0;
        for (StageAttempt s : ran) {
            long wall = Stages.wallTimeMs(s);
            stageMs += wall;
            if (s.numTasks() < peak * settings.get("narrowStageFraction")) {
                narrowMs += wall;
                unusedCoreMs += (peak - (long) s.numTasks()) * wall;
                narrowStages++;
            }
        }
        double sharePct = stageMs == 0 ? 0 : 100.0 * narrowMs / stageMs;
        if (sharePct < settings.get("minNarrowSharePct")) {
            return Optional.empty();
        }
        double idle = Math.max(0, context.profile().allocatedCoreSeconds() - context.profile().taskCoreSeconds());
        double wasted = Math.min(unusedCoreMs / 1000.0, idle);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.dynamicAllocation.enabled", "false");
        evidence.put("peakConcurrentCores", peak);
        evidence.put("stages", ran.size());
        evidence.put("narrowStages", narrowStages);
        evidence.put("narrowStageTimeSharePct", Format.round(sharePct, 1));
        evidence.put("unusedCoreSecondsInNarrowStages", Math.round(unusedCoreMs / 1000.0));
        evidence.put("wallTimeMs", context.profile().wallTimeMs());
        Map<String, String> config = Cluster.enableDynamicAllocation(app);
        if (!Proposals.valid(app.environment().sparkProperties(), config)) {
            config = Map.of();
        }
        String title = "Dynamic allocation is off, but " + Format.pct(sharePct) + " of stage time ran stages needing "
                + "less than half of the " + peak + " cores held";
        Recommendation fix = new Recommendation("Stage widths vary: let Spark add executors for wide stages and release "
                + "them in narrow ones. Shuffle tracking keeps executors holding shuffle data alive without an external "
                + "shuffle service; the cap keeps today's maximum.", config);
        return Optional.of(new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence,
                context.impact(wasted), fix, List.of(), Optional.empty()));
    }

    /** min <= initial <= max, and spark.executor.instances (an initial count since Spark 3.0) within max. */
    private Optional<Finding> bounds(AnalysisContext context) {
        Map<String, String> props = context.application().environment().sparkProperties();
        OptionalLong max = number(props, MAX);
        long min = number(props, MIN).orElse(0);
        if (max.isEmpty()) {
            return Optional.empty();
        }
        long hi = max.getAsLong();
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        for (String key : List.of(MIN, INITIAL, INSTANCES)) {
            OptionalLong v = number(props, key);
            if (v.isPresent() && v.getAsLong() > hi) {
                evidence.put(key, v.getAsLong());
                config.put(key, String.valueOf(hi));
            }
        }
        OptionalLong initial = number(props, INITIAL);
        if (initial.isPresent() && initial.getAsLong() < Math.min(min, hi)) {
            evidence.put(INITIAL, initial.getAsLong());
            config.put(INITIAL, String.valueOf(Math.min(min, hi)));
        }
        if (config.isEmpty()) {
            return Optional.empty();
        }
        evidence.put(MAX, hi);
        evidence.put(MIN, min);
        if (!Proposals.valid(props, config)) {
            config.clear();
        }
        return Optional.of(info(context, "Dynamic allocation bounds out of order (min <= initial <= max is required)",
                evidence, new Recommendation("Spark takes the largest of minExecutors, initialExecutors and "
                        + "spark.executor.instances as the starting count, so a value above maxExecutors starts more "
                        + "executors than the cap allows or fails validation: bring them within the bounds.", config)));
    }

    /** Without shuffle tracking or an external shuffle service, released executors take shuffle output with them. */
    private Optional<Finding> shuffle(AnalysisContext context) {
        Application app = context.application();
        Map<String, String> props = app.environment().sparkProperties();
        boolean service = "true".equals(props.get("spark.shuffle.service.enabled"));
        // Tracking exists since 3.0; its default changed over versions, so only an explicit false counts as off.
        boolean trackingOff = "false".equals(props.get("spark.dynamicAllocation.shuffleTracking.enabled"))
                || SparkVersions.below(app, 3, 0);
        if (service || !trackingOff) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.shuffle.service.enabled", props.getOrDefault("spark.shuffle.service.enabled", "false (default)"));
        evidence.put("spark.dynamicAllocation.shuffleTracking.enabled",
                props.getOrDefault("spark.dynamicAllocation.shuffleTracking.enabled", "(not available before Spark 3.0)"));
        Map<String, String> config = new LinkedHashMap<>();
        String text;
        if (SparkVersions.atLeast(app, 3, 0)) {
            config.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
            text = "Dynamic allocation needs a way to keep shuffle output when it releases executors: shuffle tracking "
                    + "keeps executors holding live shuffle data (or run the external shuffle service).";
        } else {
            text = "Before Spark 3.0 dynamic allocation requires the external shuffle service "
                    + "(spark.shuffle.service.enabled=true with the NodeManager aux service installed).";
        }
        if (!Proposals.valid(props, config)) {
            config.clear();
        }
        return Optional.of(info(context, "Dynamic allocation is on without shuffle tracking or an external shuffle service",
                evidence, new Recommendation(text, config)));
    }

    private Optional<Finding> idleTimeout(AnalysisContext context, RuleSettings settings) {
        Map<String, String> props = context.application().environment().sparkProperties();
        OptionalLong timeoutMs = SparkDurations.parseMs(props.get("spark.dynamicAllocation.executorIdleTimeout"), TimeUnit.SECONDS);
        long maxMs = settings.getLong("maxIdleTimeoutSeconds") * 1000;
        if (timeoutMs.isEmpty() || timeoutMs.getAsLong() <= maxMs) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.dynamicAllocation.executorIdleTimeout", props.get("spark.dynamicAllocation.executorIdleTimeout"));
        Map<String, String> config = Map.of("spark.dynamicAllocation.executorIdleTimeout",
                settings.getLong("suggestedIdleTimeoutSeconds") + "s");
        if (!Proposals.valid(props, config)) {
            config = Map.of();
        }
        return Optional.of(info(context, "Dynamic allocation keeps idle executors for " + Format.millis(timeoutMs.getAsLong()),
                evidence, new Recommendation("An idle timeout this long keeps executors paid for between stages and "
                        + "jobs; Spark's default is " + SparkDefaults.EXECUTOR_IDLE_TIMEOUT_S + "s.", config)));
    }

    private Finding info(AnalysisContext context, String title, Map<String, Object> evidence, Recommendation fix) {
        return new Finding(ID, context.severityFor(0), title, Scope.APPLICATION, evidence, context.impact(0), fix,
                List.of(), Optional.empty());
    }

    private static OptionalLong number(Map<String, String> props, String key) {
        String v = props.get(key);
        return v != null && v.trim().matches("\\d+") ? OptionalLong.of(Long.parseLong(v.trim())) : OptionalLong.empty();
    }
}
