package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage of many more tasks than cores whose median task runs for less than ~100 ms: scheduling,
 * deserialization and result handling then take a large share of each task, and fewer, larger
 * tasks would do the same work with less overhead.
 *
 * <p>Wasted core-seconds: the measured per-task overhead (sum of task durations - sum of executor
 * run times) x the share of tasks a right-sized stage would not launch.
 */
public final class TinyTasksRule extends BaseRule implements StageRule {

    public static final String ID = "partitioning.tiny-tasks";

    public TinyTasksRule() {
        super(ID, RuleCategory.PARTITIONING,
                "Many tasks whose median duration is so short that per-task overhead dominates");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        int slots = Stages.slots(context.application());
        long tasks = Stages.successfulTasks(stage);
        long median = stage.taskDistributions().of(TaskQuantity.DURATION).quantile(0.5);
        if (tasks < settings.getLong("minTasks") || tasks <= settings.get("maxTasksPerCore") * slots
                || median >= settings.getLong("maxMedianTaskMs")) {
            return List.of();
        }
        long partitions = recommended(stage, slots, settings);
        if (partitions * 2 > stage.numTasks() || DefaultShufflePartitionsRule.covers(context, stage)
                || SmallFilesRule.covers(context, stage)) {
            return List.of();
        }
        return List.of(finding(context, stage, partitions));
    }

    /** Data / 128 MiB, but at least tasksPerCore x cores (Spark's tuning guide: 2-3 tasks per core). */
    static long recommended(StageAttempt stage, int slots, RuleSettings settings) {
        long minimum = Math.round(settings.get("tasksPerCore") * slots);
        return Math.max(minimum, PartitionMath.partitionsFor(PartitionMath.dataBytes(stage)));
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage, long partitions) {
        long overheadMs = PartitionMath.taskOverheadMs(stage);
        double wasted = overheadMs / 1000.0 * (1 - (double) partitions / stage.numTasks());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("numTasks", stage.numTasks());
        evidence.put("medianTaskDurationMs", stage.taskDistributions().of(TaskQuantity.DURATION).quantile(0.5));
        evidence.put("medianExecutorRunTimeMs", stage.taskDistributions().of(TaskQuantity.EXECUTOR_RUN_TIME).quantile(0.5));
        evidence.put("taskOverheadMs", overheadMs);
        evidence.put("cores", Stages.slots(context.application()));
        evidence.put(PartitionMath.isShuffleStage(stage) ? "shuffleReadBytes" : "inputBytes", PartitionMath.dataBytes(stage));
        evidence.put("recommendedPartitions", partitions);
        String title = "Stage " + stage.stageId() + " ran " + stage.numTasks() + " tiny tasks (median "
                + Format.millis(stage.taskDistributions().of(TaskQuantity.DURATION).quantile(0.5)) + ")";
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(stage.stageId(), stage.attemptId()),
                evidence, context.impact(wasted), fix(context.application(), stage, partitions), List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, StageAttempt stage, long partitions) {
        Map<String, String> config = new LinkedHashMap<>();
        if (PartitionMath.isShuffleStage(stage)) {
            if (stage.numTasks() == PartitionMath.shufflePartitions(app.environment())) {
                config.put(PartitionMath.SHUFFLE_PARTITIONS, String.valueOf(partitions));
            }
            if (PartitionMath.aqeEnabled(app)) {
                // AQE is on yet left the partitions small: by default (3.2+) it coalesces for
                // parallelism, ignoring the advisory size; turning that off coalesces to 64 MB.
                config.put("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false");
            } else {
                config.put(PartitionMath.AQE, "true");
            }
            config.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
            return new Recommendation("Use about " + partitions + " shuffle partitions for this stage and let adaptive "
                    + "query execution coalesce small partitions; if the count comes from the code (repartition(n)), "
                    + "lower it there.", config);
        }
        if (PartitionMath.isScanStage(stage)) {
            long split = Math.max(PartitionMath.maxPartitionBytes(app.environment()),
                    ceilDiv(stage.metrics().inputBytes(), partitions));
            if (split > PartitionMath.maxPartitionBytes(app.environment())) {
                config.put(PartitionMath.MAX_PARTITION_BYTES, SparkSizes.format(split));
            }
            return new Recommendation("Read the input in fewer, larger splits (about " + partitions + " tasks): raise "
                    + "spark.sql.files.maxPartitionBytes for file sources, or coalesce right after the read.", config);
        }
        return Recommendation.text("The stage reads no input or shuffle data, so its task count comes from the code "
                + "(parallelize, range, an RDD's partition count, file listing): use about " + partitions
                + " partitions there, e.g. coalesce(" + partitions + ").");
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / Math.max(1, b);
    }
}
