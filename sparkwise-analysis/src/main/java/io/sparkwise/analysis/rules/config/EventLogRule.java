package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.Application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Event log settings that make the log itself harder to use: an uncompressed big log, a single
 * file for a long application (no rolling), and no peak executor memory metrics per stage (without
 * them the memory rules cannot size executors). Spark 4.0 compresses and rolls event logs by
 * default (core migration guide, 3.5 to 4.0); before that both are off.
 *
 * <p>Always informational: these settings cost analysis, not cluster time.
 */
public final class EventLogRule extends BaseRule implements ApplicationRule {

    public static final String ID = "config.event-log";

    public EventLogRule() {
        super(ID, RuleCategory.CONFIGURATION,
                "Event log settings that make the log big, unrolled or missing peak memory metrics");
    }

    /** Judges the finished log: its size and the application's length. */
    @Override
    public boolean appliesWhileRunning() {
        return false;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        Map<String, String> props = app.environment().sparkProperties();
        boolean spark4 = SparkVersions.atLeast(app, 4, 0);
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        List<String> issues = new ArrayList<>();
        long bytes = app.readReport().bytesRead();
        boolean compressed = Boolean.parseBoolean(props.getOrDefault("spark.eventLog.compress", String.valueOf(spark4)).trim());
        if (!compressed && bytes >= settings.getLong("minLogBytesToCompress")) {
            issues.add("an uncompressed " + Format.bytes(bytes) + " log");
            evidence.put("spark.eventLog.compress", props.getOrDefault("spark.eventLog.compress", "false (default)"));
            evidence.put("bytesRead", bytes);
            config.put("spark.eventLog.compress", "true");
        }
        long wall = context.profile().wallTimeMs();
        boolean rolling = Boolean.parseBoolean(props.getOrDefault("spark.eventLog.rolling.enabled", String.valueOf(spark4)).trim());
        if (!rolling && SparkVersions.atLeast(app, 3, 0) && wall >= settings.getLong("minAppDurationToRollMs")) {
            issues.add("one log file for a " + Format.millis(wall) + " application");
            evidence.put("spark.eventLog.rolling.enabled", props.getOrDefault("spark.eventLog.rolling.enabled", "false (default)"));
            evidence.put("wallTimeMs", wall);
            config.put("spark.eventLog.rolling.enabled", "true");
            config.put("spark.eventLog.rolling.maxFileSize", "128m");
        }
        long stageMetrics = app.readReport().eventCounts().getOrDefault("SparkListenerStageExecutorMetrics", 0L);
        if (stageMetrics == 0 && SparkVersions.atLeast(app, 3, 1) && !"true".equals(props.get("spark.eventLog.logStageExecutorMetrics"))
                && wall >= settings.getLong("minAppDurationForMetricsMs")) {
            issues.add("no per-stage peak executor memory metrics");
            evidence.put("spark.eventLog.logStageExecutorMetrics", props.getOrDefault("spark.eventLog.logStageExecutorMetrics", "false (default)"));
            evidence.put("SparkListenerStageExecutorMetrics", 0L);
            config.put("spark.eventLog.logStageExecutorMetrics", "true");
        }
        if (issues.isEmpty()) {
            return List.of();
        }
        String text = "Make the next log cheaper to keep and richer to analyze: compressed logs are several times smaller "
                + "and the History Server reads them faster; rolling (Spark 3.0+) lets it compact and serve a long "
                + "application in parts; per-stage peak executor metrics (JVMHeapMemory, OnHeapExecutionMemory, "
                + "ProcessTreeJVMRSSMemory, ...) let the memory rules size executors from what they actually used.";
        if (!Proposals.valid(props, config)) {
            config.clear();
        }
        // Informational by design: nothing here slowed the application down.
        return List.of(new Finding(ID, context.severityFor(0), "Event log: " + String.join(", ", issues), Scope.APPLICATION,
                evidence, context.impact(0), new Recommendation(text, config), List.of(), Optional.empty()));
    }
}
