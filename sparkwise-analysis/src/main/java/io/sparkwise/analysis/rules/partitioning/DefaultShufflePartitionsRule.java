package io.sparkwise.analysis.rules.partitioning;

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
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * spark.sql.shuffle.partitions left unset, so a shuffle stage ran Spark's default 200 partitions
 * although its data wanted a very different count: partitions far above the 128 MiB target (spill,
 * GC, OOM risk) or, without AQE to coalesce them, far below it (per-task overhead dominates).
 *
 * <p>The finding is per stage (so spill or GC in the same stage links to it as the cause); the
 * tiny-tasks and huge-partitions rules leave the stages this rule reports to it.
 */
public final class DefaultShufflePartitionsRule extends BaseRule implements StageRule {

    public static final String ID = "partitioning.default-shuffle-partitions";

    public DefaultShufflePartitionsRule() {
        super(ID, RuleCategory.PARTITIONING,
                "spark.sql.shuffle.partitions left at its default 200 while the shuffle data wants another count");
    }

    private enum Problem { TOO_LARGE, TOO_SMALL }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        return problem(context, stage).map(p -> List.of(finding(context, stage, p))).orElse(List.of());
    }

    /** Whether this rule reports the stage (other partitioning rules then skip it). */
    public static boolean covers(AnalysisContext context, StageAttempt stage) {
        return context.settings(ID).enabled() && problem(context, stage).isPresent();
    }

    private static Optional<Problem> problem(AnalysisContext context, StageAttempt stage) {
        Application app = context.application();
        RuleSettings settings = context.settings(ID);
        if (!PartitionMath.shufflePartitionsUnset(app.environment()) || !PartitionMath.isShuffleStage(stage)
                || stage.numTasks() != SparkDefaults.SHUFFLE_PARTITIONS) {
            return Optional.empty();
        }
        double avg = (double) stage.metrics().shuffleReadBytes() / stage.numTasks();
        if (avg >= settings.get("tooLargeRatio") * PartitionMath.TARGET_PARTITION_BYTES) {
            return Optional.of(Problem.TOO_LARGE);
        }
        boolean tooSmall = avg <= PartitionMath.TARGET_PARTITION_BYTES / settings.get("tooSmallDivisor");
        if (tooSmall && !PartitionMath.aqeEnabled(app) && recommended(context, stage, Problem.TOO_SMALL) * 2 <= stage.numTasks()) {
            return Optional.of(Problem.TOO_SMALL);
        }
        return Optional.empty();
    }

    /** Partitions at the 128 MiB target; when shrinking, never fewer than tasksPerCore x cores. */
    private static long recommended(AnalysisContext context, StageAttempt stage, Problem problem) {
        long byData = PartitionMath.partitionsFor(stage.metrics().shuffleReadBytes());
        if (problem == Problem.TOO_LARGE) {
            return byData;
        }
        long minimum = Math.round(context.settings(ID).get("tasksPerCore") * Stages.slots(context.application()));
        return Math.max(byData, minimum);
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage, Problem problem) {
        long partitions = recommended(context, stage, problem);
        long avg = stage.metrics().shuffleReadBytes() / stage.numTasks();
        double wasted = problem == Problem.TOO_SMALL
                ? PartitionMath.taskOverheadMs(stage) / 1000.0 * (1 - (double) partitions / stage.numTasks())
                : idleCoreSeconds(context, stage, partitions);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("numTasks", stage.numTasks());
        evidence.put("shuffleReadBytes", stage.metrics().shuffleReadBytes());
        evidence.put("averageShuffleReadBytesPerTask", avg);
        evidence.put("medianTaskDurationMs", stage.taskDistributions().of(io.sparkwise.model.TaskQuantity.DURATION).quantile(0.5));
        evidence.put(PartitionMath.SHUFFLE_PARTITIONS, "unset (default 200)");
        evidence.put(PartitionMath.AQE, PartitionMath.aqeEnabled(context.application()));
        String title = "Stage " + stage.stageId() + " shuffled " + Format.bytes(stage.metrics().shuffleReadBytes())
                + " into the default 200 partitions (" + Format.bytes(avg) + " each, "
                + (problem == Problem.TOO_LARGE ? "far above" : "far below") + " the 128 MiB target)";
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(stage.stageId(), stage.attemptId()),
                evidence, context.impact(wasted), fix(problem, partitions), List.of(), Optional.empty());
    }

    /** Cores a right-sized stage would have used but this one left idle for its wall time. */
    static double idleCoreSeconds(AnalysisContext context, StageAttempt stage, long partitions) {
        long usable = Math.min(Stages.slots(context.application()), partitions);
        long idle = Math.max(0, usable - stage.numTasks());
        return idle * Stages.wallTimeMs(stage) / 1000.0;
    }

    private static Recommendation fix(Problem problem, long partitions) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(PartitionMath.SHUFFLE_PARTITIONS, String.valueOf(partitions));
        if (problem == Problem.TOO_LARGE) {
            return new Recommendation("Set spark.sql.shuffle.partitions from the data: shuffle bytes / 128 MiB = "
                    + partitions + " partitions. With AQE on, Spark coalesces them back where the data is smaller, so "
                    + "a generous count is safe.", config);
        }
        config.put(PartitionMath.AQE, "true");
        config.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
        return new Recommendation("Use fewer shuffle partitions (" + partitions + ", at least two per core) and let "
                + "adaptive query execution coalesce small ones to its advisory size.", config);
    }
}
