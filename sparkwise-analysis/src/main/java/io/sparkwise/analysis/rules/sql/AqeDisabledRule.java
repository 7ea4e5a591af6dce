package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.Application;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adaptive query execution off in an application whose SQL queries shuffle: on Spark 3.2+ where
 * it is on by default, spark.sql.adaptive.enabled=false; on 3.0/3.1 (off by default) the setting
 * unset or false. A plan with an AdaptiveSparkPlan node proves AQE ran, whatever the properties say.
 *
 * <p>Wasted core-seconds, from the reduce stages (shuffle read) of SQL queries: the tasks beyond
 * the ones AQE would have kept by coalescing to spark.sql.adaptive.advisoryPartitionSizeInBytes
 * (64 MiB), each costing the stage's median task duration.
 */
public final class AqeDisabledRule extends BaseRule implements ApplicationRule {

    public static final String ID = "sql.aqe-disabled";
    static final String AQE_KEY = "spark.sql.adaptive.enabled";

    public AqeDisabledRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "Adaptive query execution is off in an application with shuffles");
    }

    /** Judges the configuration once enough SQL shuffle stages have run. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        Optional<int[]> version = SqlPlans.sparkVersion(app);
        if (version.isEmpty() || !SqlPlans.atLeast(version.get(), 3, 0) || aqeRan(app)) {
            return List.of();   // no AQE before 3.0; an unknown version could be either
        }
        String setting = app.environment().sparkProperties().get(AQE_KEY);
        boolean defaultOn = SqlPlans.atLeast(version.get(), 3, 2);
        boolean off = setting != null ? setting.trim().equalsIgnoreCase("false") : !defaultOn;
        if (!off) {
            return List.of();
        }
        List<StageAttempt> reduceStages = sqlReduceStages(app);
        if (reduceStages.size() < settings.getLong("minShuffleStages")) {
            return List.of();
        }
        return List.of(finding(context, version.get(), setting, reduceStages));
    }

    private static boolean aqeRan(Application app) {
        return app.sqlExecutions().stream().anyMatch(sql -> !SqlPlans.nodes(sql,
                n -> n.nodeName().startsWith("AdaptiveSparkPlan")).isEmpty());
    }

    private static List<StageAttempt> sqlReduceStages(Application app) {
        Set<StageAttempt> out = new LinkedHashSet<>();
        for (SqlExecution sql : app.sqlExecutions()) {
            for (StageAttempt s : SqlPlans.stages(app, sql)) {
                if (s.metrics().shuffleReadBytes() > 0) {
                    out.add(s);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static Finding finding(AnalysisContext context, int[] version, String setting, List<StageAttempt> stages) {
        long excessTasks = 0;
        double wasted = 0;
        long shuffleRead = 0;
        int maxTasks = 0;
        for (StageAttempt s : stages) {
            long read = s.metrics().shuffleReadBytes();
            shuffleRead += read;
            maxTasks = Math.max(maxTasks, s.numTasks());
            long needed = Math.max(1, (read + SparkDefaults.ADVISORY_PARTITION_BYTES - 1) / SparkDefaults.ADVISORY_PARTITION_BYTES);
            long excess = Math.max(0, s.numTasks() - needed);
            excessTasks += excess;
            wasted += excess * s.taskDistributions().of(TaskQuantity.DURATION).quantile(0.5) / 1000.0;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("sparkVersion", version[0] + "." + version[1]);
        evidence.put(AQE_KEY, setting == null ? "unset (default false before 3.2)" : setting);
        evidence.put("shuffleStages", stages.size());
        evidence.put("shuffleReadBytes", shuffleRead);
        evidence.put("maxReduceTasks", maxTasks);
        evidence.put("tasksAqeWouldCoalesce", excessTasks);
        String title = "Adaptive query execution is off: " + stages.size() + " shuffle stages ran with fixed partition "
                + "counts (" + Format.bytes(shuffleRead) + " shuffled)";
        Map<String, String> config = new LinkedHashMap<>();
        config.put(AQE_KEY, "true");
        config.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
        return new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence, context.impact(wasted),
                new Recommendation("Enable adaptive query execution: it coalesces small shuffle partitions to about "
                        + "64 MiB (spark.sql.adaptive.advisoryPartitionSizeInBytes), splits skewed join partitions and "
                        + "switches sort-merge joins to broadcast joins with the sizes measured at run time.", config),
                List.of(), Optional.empty());
    }
}
