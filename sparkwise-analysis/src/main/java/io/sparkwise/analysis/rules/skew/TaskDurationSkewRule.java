package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.config.SparkDefaults;
import io.sparkwise.analysis.config.SparkSizes;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.Application;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage whose slowest task runs far longer than its median task: the stage waits for the
 * straggler while the other cores idle. Fires only when the straggler costs real time.
 *
 * <p>Wasted core-seconds: (max - median task duration) x (the cores the stage could have used - 1),
 * the cores left waiting while the straggler finishes.
 *
 * <p>When the straggler is explained by data skew (skew.shuffle-read or skew.input fires on the
 * stage), this rule stays silent: those findings carry the same cost with the data evidence and a
 * more specific fix, and one problem should be one finding.
 */
public final class TaskDurationSkewRule extends BaseRule {

    public static final String ID = "skew.task-duration";

    public TaskDurationSkewRule() {
        super(ID, RuleCategory.SKEW,
                "The slowest task of a stage runs many times longer than the median task");
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        List<Finding> findings = new ArrayList<>();
        for (StageAttempt stage : Stages.ran(app)) {
            QuantileSketch durations = stage.taskDistributions().of(TaskQuantity.DURATION);
            if (durations.count() < settings.getLong("minTasks") || explainedByDataSkew(context, stage)) {
                continue;
            }
            long max = durations.max();
            long median = Math.max(1, durations.quantile(0.5));
            double ratio = (double) max / median;
            long excessMs = max - median;
            if (ratio < settings.get("maxToMedianRatio") || excessMs < settings.getLong("minExcessMs")) {
                continue;
            }
            int usableCores = (int) Math.min(Stages.slots(app), stage.numTasks());
            double wasted = excessMs / 1000.0 * Math.max(1, usableCores - 1);
            findings.add(finding(context, stage, durations, ratio, excessMs, wasted));
        }
        return findings;
    }

    private static boolean explainedByDataSkew(AnalysisContext context, StageAttempt stage) {
        return ShuffleReadSkewRule.detect(context, stage).isPresent() || InputSkewRule.detect(context, stage).isPresent();
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage, QuantileSketch durations,
                                   double ratio, long excessMs, double wasted) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("maxTaskDurationMs", durations.max());
        evidence.put("medianTaskDurationMs", durations.quantile(0.5));
        evidence.put("maxToMedianRatio", Format.round(ratio, 1));
        evidence.put("stageDurationMs", Stages.wallTimeMs(stage));
        evidence.put("numTasks", stage.numTasks());
        QuantileSketch read = stage.taskDistributions().of(TaskQuantity.SHUFFLE_READ_BYTES);
        if (read.max() > 0) {
            evidence.put("maxShuffleReadBytes", read.max());
            evidence.put("medianShuffleReadBytes", read.quantile(0.5));
        }
        Optional<SqlExecution> sql = Stages.sqlExecution(context.application(), stage);
        List<SparkPlanNode> joins = sql.map(s -> Stages.planNodes(s, "SortMergeJoin", "ShuffledHashJoin"))
                .orElse(List.of());
        sql.ifPresent(s -> evidence.put("sqlExecutionId", s.id()));
        if (!joins.isEmpty()) {
            evidence.put("join", joins.get(0).simpleString());
        }
        String title = "Skewed tasks in stage " + stage.stageId() + ": the slowest task took "
                + Format.millis(durations.max()) + ", " + Format.ratio(ratio) + " the median";
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(stage.stageId(), stage.attemptId()),
                evidence, context.impact(wasted), fix(stage, read, joins), List.of(), Optional.empty());
    }

    private static Recommendation fix(StageAttempt stage, QuantileSketch shuffleRead, List<SparkPlanNode> joins) {
        if (shuffleRead.max() > 0) {
            // AQE splits a partition when it is > factor x median AND > threshold; aim the
            // threshold at the median so the skewed partitions qualify.
            long median = Math.max(shuffleRead.quantile(0.5), 1);
            long threshold = Math.max(64L * 1024 * 1024, Math.min(SparkDefaults.SKEW_PARTITION_THRESHOLD, median * 4));
            Map<String, String> config = new LinkedHashMap<>();
            config.put("spark.sql.adaptive.enabled", "true");
            config.put("spark.sql.adaptive.skewJoin.enabled", "true");
            config.put("spark.sql.adaptive.skewJoin.skewedPartitionFactor", "3");
            config.put("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", SparkSizes.format(threshold));
            String where = joins.isEmpty() ? "" : " (join: " + joins.get(0).simpleString() + ")";
            return new Recommendation("Let adaptive query execution split the skewed shuffle partitions" + where
                    + ". If the skew is in an aggregation or a join AQE cannot split (e.g. the build side), salt the hot "
                    + "keys: add a random suffix to the key on the large side and replicate the small side.", config);
        }
        return new Recommendation("The skew is in the input: split large input files or partitions "
                + "(spark.sql.files.maxPartitionBytes), or repartition on a better-distributed key before the heavy step.",
                Map.of("spark.sql.files.maxPartitionBytes", SparkSizes.format(SparkDefaults.MAX_PARTITION_BYTES / 2)));
    }
}
