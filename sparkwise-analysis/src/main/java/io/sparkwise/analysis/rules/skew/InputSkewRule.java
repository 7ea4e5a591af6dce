package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.partitioning.PartitionMath;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage whose largest input split is many times its median one: uneven input files or
 * partitions, or files Spark cannot split (gzip, one large non-splittable file), when the task
 * reading the large split holds the stage up.
 */
public final class InputSkewRule extends BaseRule implements StageRule {

    public static final String ID = "skew.input";

    public InputSkewRule() {
        super(ID, RuleCategory.SKEW,
                "The largest input split of a stage is many times its median one and its task holds the stage up");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        return detect(context, stage).map(skew -> List.of(finding(context, skew))).orElse(List.of());
    }

    static Optional<DataSkew> detect(AnalysisContext context, StageAttempt stage) {
        return DataSkew.of(context, stage, TaskQuantity.INPUT_BYTES, context.settings(ID));
    }

    private static Finding finding(AnalysisContext context, DataSkew skew) {
        StageAttempt stage = skew.stage();
        long splitSize = PartitionMath.maxPartitionBytes(context.application().environment());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("maxInputBytes", skew.bytes().max());
        evidence.put("medianInputBytes", skew.medianBytes());
        evidence.put("maxToMedianRatio", Format.round(skew.ratio(), 1));
        evidence.put("inputBytes", stage.metrics().inputBytes());
        evidence.put("maxTaskDurationMs", skew.durations().max());
        evidence.put("medianTaskDurationMs", skew.durations().quantile(0.5));
        evidence.put("numTasks", stage.numTasks());
        evidence.put(PartitionMath.MAX_PARTITION_BYTES, splitSize);
        String title = "Skewed input in stage " + stage.stageId() + ": the largest split is "
                + Format.bytes(skew.bytes().max()) + ", " + Format.ratio(skew.ratio()) + " the median, and its task ran "
                + Format.millis(skew.durations().max());
        return new Finding(ID, context.severityFor(skew.wastedCoreSeconds()), title,
                Scope.stage(stage.stageId(), stage.attemptId()), evidence, context.impact(skew.wastedCoreSeconds()),
                fix(context.application(), skew, splitSize), List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, DataSkew skew, long splitSize) {
        if (skew.bytes().max() > splitSize) {
            // A split larger than maxPartitionBytes: Spark could not cut the file, so no split
            // setting helps; the data layout must change.
            return Recommendation.text("The largest task read " + Format.bytes(skew.bytes().max()) + ", more than "
                    + "spark.sql.files.maxPartitionBytes (" + Format.bytes(splitSize) + "): the input has files Spark "
                    + "cannot split (gzip or other non-splittable compression, a single large file of a format read "
                    + "whole). Rewrite the input as splittable files (Parquet/ORC, or bzip2/zstd-compressed text) of even "
                    + "size, or repartition right after the read so later steps are balanced.");
        }
        // Splits below maxPartitionBytes but uneven: smaller splits cut the large files into
        // pieces near the median size, so no task reads many times more than the others.
        long target = Math.max(skew.medianBytes() * 2, PartitionMath.TARGET_PARTITION_BYTES / 4);
        Map<String, String> config = new LinkedHashMap<>();
        if (target < splitSize) {
            config.put(PartitionMath.MAX_PARTITION_BYTES, PartitionMath.floorMib(target));
        }
        return new Recommendation("Input files or table partitions are uneven: write them evenly (e.g. repartition "
                + "before writing, or compact), split the large ones with a smaller spark.sql.files.maxPartitionBytes "
                + "(file sources only), or repartition on a well-distributed key right after the read.", config);
    }
}
