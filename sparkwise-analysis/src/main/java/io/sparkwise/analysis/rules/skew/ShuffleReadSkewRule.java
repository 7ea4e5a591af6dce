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
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.analysis.rules.partitioning.PartitionMath;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage whose largest shuffle partition is many times its median one (a hot key in a join or an
 * aggregation), when the task that reads it runs long enough to hold the stage up.
 *
 * <p>Fix: AQE's skew-join handling with a threshold computed from the data so the skewed partitions
 * qualify (AQE splits a partition only when it is larger than factor x median AND than the
 * threshold), and salting for skew AQE cannot split (aggregations, the build side of a join).
 */
public final class ShuffleReadSkewRule extends BaseRule implements StageRule {

    public static final String ID = "skew.shuffle-read";

    public ShuffleReadSkewRule() {
        super(ID, RuleCategory.SKEW,
                "The largest shuffle partition of a stage is many times its median one and its task holds the stage up");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        return detect(context, stage).map(skew -> List.of(finding(context, skew))).orElse(List.of());
    }

    /** The shuffle-read skew of a stage, when it passes this rule's thresholds. */
    static Optional<DataSkew> detect(AnalysisContext context, StageAttempt stage) {
        return DataSkew.of(context, stage, TaskQuantity.SHUFFLE_READ_BYTES, context.settings(ID));
    }

    private static Finding finding(AnalysisContext context, DataSkew skew) {
        StageAttempt stage = skew.stage();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("maxShuffleReadBytes", skew.bytes().max());
        evidence.put("medianShuffleReadBytes", skew.medianBytes());
        evidence.put("maxToMedianRatio", Format.round(skew.ratio(), 1));
        evidence.put("shuffleReadBytes", stage.metrics().shuffleReadBytes());
        evidence.put("maxTaskDurationMs", skew.durations().max());
        evidence.put("medianTaskDurationMs", skew.durations().quantile(0.5));
        evidence.put("stageDurationMs", Stages.wallTimeMs(stage));
        evidence.put("numTasks", stage.numTasks());
        Optional<SqlExecution> sql = Stages.sqlExecution(context.application(), stage);
        Optional<SparkPlanNode> join = sql.flatMap(ShuffleReadSkewRule::join);
        sql.ifPresent(s -> evidence.put("sqlExecutionId", s.id()));
        join.ifPresent(j -> evidence.put("join", j.simpleString()));
        String title = "Skewed shuffle read in stage " + stage.stageId() + ": the largest partition is "
                + Format.bytes(skew.bytes().max()) + ", " + Format.ratio(skew.ratio()) + " the median, and its task ran "
                + Format.millis(skew.durations().max());
        return new Finding(ID, context.severityFor(skew.wastedCoreSeconds()), title,
                Scope.stage(stage.stageId(), stage.attemptId()), evidence, context.impact(skew.wastedCoreSeconds()),
                fix(context.application(), skew, join, context.settings(ID)), List.of(), Optional.empty());
    }

    private static Optional<SparkPlanNode> join(SqlExecution sql) {
        List<SparkPlanNode> joins = Stages.planNodes(sql, "SortMergeJoin", "ShuffledHashJoin");
        return joins.isEmpty() ? Optional.empty() : Optional.of(joins.get(0));
    }

    static Recommendation fix(Application app, DataSkew skew, Optional<SparkPlanNode> join, RuleSettings settings) {
        // AQE splits a partition when it is > factor x median AND > threshold. Aim the threshold
        // between the median and the largest partition so the skewed ones qualify and normal ones
        // are left alone: twice the median, never above Spark's 256 MB default, never below the
        // advisory partition size (AQE would not split smaller pieces usefully).
        long threshold = Math.max(SparkDefaults.ADVISORY_PARTITION_BYTES,
                Math.min(SparkDefaults.SKEW_PARTITION_THRESHOLD, skew.medianBytes() * 2));
        long factor = Math.max(2, Math.min((long) SparkDefaults.SKEW_PARTITION_FACTOR,
                (long) Math.floor(skew.ratio() / settings.get("factorMargin"))));
        Map<String, String> config = new LinkedHashMap<>();
        if (!PartitionMath.aqeEnabled(app)) {
            config.put(PartitionMath.AQE, "true");
        }
        config.put("spark.sql.adaptive.skewJoin.enabled", "true");
        config.put("spark.sql.adaptive.skewJoin.skewedPartitionFactor", String.valueOf(factor));
        config.put("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", PartitionMath.floorMib(threshold));
        String where = join.map(j -> " in " + j.simpleString()).orElse("");
        String text = "A few keys hold most of the data" + where + ". Let adaptive query execution split the skewed "
                + "partitions of sort-merge and shuffled-hash joins (Spark 3.0+). AQE cannot split skew in an "
                + "aggregation or on the side of a join it must keep whole (the build side, the outer side of an outer "
                + "join): there, salt the hot keys (append a random 0..N-1 suffix to the key on the large side and "
                + "replicate the other side N times), or filter and handle the hot keys (often nulls or defaults) apart.";
        return new Recommendation(text, config);
    }
}
