package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.Environment;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage whose typical (median) task reads far more than the 128 MiB a partition should hold:
 * every task, not just a skewed one, is at risk of spill, GC pressure and out-of-memory errors,
 * and the stage may use fewer cores than it has.
 *
 * <p>Wasted core-seconds: cores a right-sized stage would have used but this one left idle
 * (min(cores, data / 128 MiB) - tasks, when positive) x the stage's wall time. Spill and GC cost
 * are counted by the memory and GC rules, which link to this finding as their cause.
 */
public final class HugePartitionsRule extends BaseRule implements StageRule {

    public static final String ID = "partitioning.huge-partitions";

    public HugePartitionsRule() {
        super(ID, RuleCategory.PARTITIONING,
                "The median task of a stage reads far more than the 128 MiB target partition size");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        double ratio = context.settings(ID).get("minRatioToTarget");
        boolean shuffle = PartitionMath.isShuffleStage(stage);
        if (!shuffle && !PartitionMath.isScanStage(stage)) {
            return List.of();
        }
        QuantileSketch perTask = stage.taskDistributions()
                .of(shuffle ? TaskQuantity.SHUFFLE_READ_BYTES : TaskQuantity.INPUT_BYTES);
        if (perTask.isEmpty() || perTask.quantile(0.5) < ratio * PartitionMath.TARGET_PARTITION_BYTES
                || DefaultShufflePartitionsRule.covers(context, stage)) {
            return List.of();
        }
        return List.of(finding(context, stage, shuffle, perTask));
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage, boolean shuffle, QuantileSketch perTask) {
        long bytes = PartitionMath.dataBytes(stage);
        long partitions = PartitionMath.partitionsFor(bytes);
        double wasted = DefaultShufflePartitionsRule.idleCoreSeconds(context, stage, partitions);
        String metric = shuffle ? "ShuffleReadBytes" : "InputBytes";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("median" + metric + "PerTask", perTask.quantile(0.5));
        evidence.put("max" + metric + "PerTask", perTask.max());
        evidence.put(shuffle ? "shuffleReadBytes" : "inputBytes", bytes);
        evidence.put("numTasks", stage.numTasks());
        evidence.put("recommendedPartitions", partitions);
        evidence.put("stageDurationMs", Stages.wallTimeMs(stage));
        String title = "Stage " + stage.stageId() + "'s median task read " + Format.bytes(perTask.quantile(0.5))
                + (shuffle ? " of shuffle data" : " of input") + ", " + Format.ratio((double) perTask.quantile(0.5)
                / PartitionMath.TARGET_PARTITION_BYTES) + " the 128 MiB target";
        Recommendation fix = shuffle ? shuffleFix(context.application().environment(), stage, partitions)
                : scanFix(context.application().environment(), perTask.quantile(0.5), partitions);
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(stage.stageId(), stage.attemptId()),
                evidence, context.impact(wasted), fix, List.of(), Optional.empty());
    }

    private static Recommendation shuffleFix(Environment env, StageAttempt stage, long partitions) {
        int current = PartitionMath.shufflePartitions(env);
        String text = "Split the shuffle into partitions of about 128 MiB: shuffle bytes / 128 MiB = " + partitions
                + " partitions.";
        if (stage.numTasks() != current) {
            // The stage did not run spark.sql.shuffle.partitions tasks: the count came from the code
            // (repartition(n), coalesce(n), an RDD's numPartitions) or from AQE coalescing.
            text += " The stage ran " + stage.numTasks() + " tasks, not spark.sql.shuffle.partitions (" + current
                    + "): if the count comes from the code (repartition(n), coalesce(n), an RDD operation's "
                    + "numPartitions), raise it there to " + partitions + ".";
        }
        if (partitions <= current) {
            return Recommendation.text(text);
        }
        return new Recommendation(text, Map.of(PartitionMath.SHUFFLE_PARTITIONS, String.valueOf(partitions)));
    }

    private static Recommendation scanFix(Environment env, long medianBytes, long partitions) {
        long splitSize = PartitionMath.maxPartitionBytes(env);
        if (splitSize > PartitionMath.TARGET_PARTITION_BYTES) {
            return new Recommendation("spark.sql.files.maxPartitionBytes is " + Format.bytes(splitSize) + ": back to "
                    + "128 MiB splits gives about " + partitions + " tasks of 128 MiB each.",
                    Map.of(PartitionMath.MAX_PARTITION_BYTES, "128m"));
        }
        return Recommendation.text("Splits are already at most " + Format.bytes(splitSize) + " yet the median task read "
                + Format.bytes(medianBytes) + ": the files cannot be split (gzip or another non-splittable codec, or a "
                + "source that reads a file whole). Rewrite them as splittable files (Parquet/ORC) of about 128 MiB, or "
                + "repartition(" + partitions + ") right after the read.");
    }
}
