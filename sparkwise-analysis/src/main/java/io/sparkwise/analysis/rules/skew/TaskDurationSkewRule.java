package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.partitioning.PartitionMath;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.Application;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

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
public final class TaskDurationSkewRule extends BaseRule implements StageRule {

    public static final String ID = "skew.task-duration";

    public TaskDurationSkewRule() {
        super(ID, RuleCategory.SKEW,
                "The slowest task of a stage runs many times longer than the median task");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        QuantileSketch durations = stage.taskDistributions().of(TaskQuantity.DURATION);
        if (durations.count() < settings.getLong("minTasks") || explainedByDataSkew(context, stage)) {
            return List.of();
        }
        long max = durations.max();
        long median = Math.max(1, durations.quantile(0.5));
        double ratio = (double) max / median;
        long excessMs = max - median;
        if (ratio < settings.get("maxToMedianRatio") || excessMs < settings.getLong("minExcessMs")) {
            return List.of();
        }
        int usableCores = (int) Math.min(Stages.slots(context.application()), stage.numTasks());
        double wasted = excessMs / 1000.0 * Math.max(1, usableCores - 1);
        return List.of(finding(context, stage, durations, ratio, excessMs, wasted));
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
        SkewedSide side = SkewedSide.of(context.application(), stage, read);
        if (read.max() > 0) {
            evidence.put("maxShuffleReadBytes", read.max());
            evidence.put("medianShuffleReadBytes", read.quantile(0.5));
            if (side.max() != read.max()) {
                evidence.put("skewedSideMaxPartitionBytes", side.max());
                evidence.put("skewedSideMedianPartitionBytes", side.median());
            }
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
                evidence, context.impact(wasted), fix(context.application(), read, side, joins, context.settings(ID)),
                List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, QuantileSketch shuffleRead, SkewedSide side,
                                      List<SparkPlanNode> joins, RuleSettings settings) {
        if (shuffleRead.max() > 0) {
            String where = joins.isEmpty() ? "" : " (join: " + joins.get(0).simpleString() + ")";
            String salt = "salt the hot keys: add a random suffix to the key on the large side and replicate the small "
                    + "side, or handle the hot keys (often nulls or defaults) apart.";
            Optional<Map<String, String>> split = aqeSplit(app, side, settings);
            if (split.isEmpty()) {
                return Recommendation.text("The slow task read about as much shuffle data as the others" + where
                        + ": its rows cost more (a hot key multiplies rows in a join), so AQE, which splits partitions "
                        + "by bytes, cannot see it. Broadcast the smaller side if it fits, or " + salt);
            }
            return new Recommendation("Let adaptive query execution split the skewed shuffle partitions" + where
                    + "; the thresholds follow this stage's partition sizes. If the skew is in an aggregation or on a side "
                    + "AQE cannot split (the build side, the outer side of an outer join), " + salt, split.get());
        }
        return new Recommendation("The skew is in the input: split large input files or partitions "
                + "(spark.sql.files.maxPartitionBytes), or repartition on a better-distributed key before the heavy step.",
                Map.of("spark.sql.files.maxPartitionBytes", SparkSizes.format(SparkDefaults.MAX_PARTITION_BYTES / 2)));
    }

    /**
     * AQE's skew-join settings sized from the skewed side's partitions ({@link SkewedSide}). AQE
     * splits a partition when it is larger than factor x the median of its side AND than the
     * threshold, into pieces of max(advisoryPartitionSizeInBytes, average non-skewed partition)
     * bytes (Spark's OptimizeSkewedJoin). So: the factor at most the side's max/median divided by
     * {@code factorMargin}, the threshold halfway between the median and the largest partition
     * (above normal partitions, below the skewed one), and, when the largest partition is under
     * the 64 MiB advisory size (AQE would keep it whole), an advisory size that cuts it into one
     * piece per core. Empty when the bytes are too even for AQE to tell the partition apart.
     */
    static Optional<Map<String, String>> aqeSplit(Application app, SkewedSide side, RuleSettings settings) {
        long max = side.max();
        long median = side.median();
        double factor = Math.min(SparkDefaults.SKEW_PARTITION_FACTOR, (double) max / median / settings.get("factorMargin"));
        // A fractional factor is accepted by Spark 4.0 (checked on 4.0.1); older versions may
        // declare it an integer, so they get whole numbers, and at least 2.
        String factorText;
        if (PartitionMath.sparkAtLeast(app, 4, 0)) {
            factor = Math.floor(factor * 10) / 10;
            factorText = factor == Math.floor(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
        } else {
            factor = Math.floor(factor);
            factorText = String.valueOf((long) factor);
        }
        if (factor < (PartitionMath.sparkAtLeast(app, 4, 0) ? 1 : 2) || factor * median >= max) {
            return Optional.empty();
        }
        long threshold = Math.min(SparkDefaults.SKEW_PARTITION_THRESHOLD, median + (max - median) / 2);
        Map<String, String> config = new LinkedHashMap<>();
        if (!PartitionMath.aqeEnabled(app)) {
            config.put(PartitionMath.AQE, "true");
        }
        config.put("spark.sql.adaptive.skewJoin.enabled", "true");
        config.put("spark.sql.adaptive.skewJoin.skewedPartitionFactor", factorText);
        config.put("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", PartitionMath.floorMib(threshold));
        if (max < SparkDefaults.ADVISORY_PARTITION_BYTES) {
            long pieces = Math.max(2, Math.min(Stages.slots(app), 8));
            config.put("spark.sql.adaptive.advisoryPartitionSizeInBytes", PartitionMath.floorMib(max / pieces));
        }
        return Optional.of(config);
    }
}
