package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.partitioning.PartitionMath;
import io.sparkwise.model.Application;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage whose largest task used nearly all the execution memory a task can get (peak execution
 * memory close to unified memory / cores) without spilling much yet: a little more data per task
 * and it spills or fails. A risk, so its cost is zero and its severity info.
 *
 * <p>Needs the task metric peakExecutionMemory; when the log has none the rule cannot judge and
 * reports nothing (memory.spill names the missing metric on stages that spilled).
 */
public final class ExecutionMemoryPressureRule extends BaseRule implements StageRule {

    public static final String ID = "memory.execution-memory-pressure";

    public ExecutionMemoryPressureRule() {
        super(ID, RuleCategory.SPILL_AND_MEMORY,
                "The peak execution memory of a task is close to the unified memory one task can get");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        QuantileSketch peak = stage.taskDistributions().of(TaskQuantity.PEAK_EXECUTION_MEMORY);
        if (peak.isEmpty() || peak.max() < settings.getLong("minPeakBytes")
                || SpillRule.applies(context.settings(SpillRule.ID), stage)) {
            return List.of();
        }
        MemoryModel model = MemoryModel.of(app);
        long share = MemoryModel.measuredPerTaskBytes(app).orElse(model.perTaskBytes());
        if (peak.max() < settings.get("pressureRatio") * share) {
            return List.of();
        }
        return List.of(finding(context, stage, peak, model, share));
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage, QuantileSketch peak, MemoryModel model,
                                   long share) {
        RuleSettings settings = context.settings(ID);
        double use = peak.max() / (double) share;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("maxPeakExecutionMemory", peak.max());
        evidence.put("medianPeakExecutionMemory", peak.quantile(0.5));
        evidence.put("executionMemoryPerTaskBytes", share);
        evidence.put("peakToShareRatio", Format.round(use, 2));
        evidence.put(model.heapKey(), model.heapBytes());
        evidence.put("coresPerExecutor", model.cores());
        evidence.put("numTasks", stage.numTasks());
        String title = "Stage " + stage.stageId() + "'s largest task used " + Format.bytes(peak.max())
                + " of execution memory, " + Format.pct(100 * use) + " of the " + Format.bytes(share) + " a task can get";
        return new Finding(ID, context.severityFor(0), title, Scope.stage(stage.stageId(), stage.attemptId()), evidence,
                context.impact(0), fix(context.application(), stage, model, peak.max(), share, settings), List.of(),
                Optional.empty());
    }

    private static Recommendation fix(Application app, StageAttempt stage, MemoryModel model, long peak, long share,
                                      RuleSettings settings) {
        double target = settings.get("targetRatio");
        long heap = model.heapForPerTask((long) Math.ceil(model.perTaskBytes() * peak / (target * share)));
        Map<String, String> config = new LinkedHashMap<>();
        String text = "Leave headroom so a little more data per task does not spill or fail: ";
        if (PartitionMath.isShuffleStage(stage)) {
            long partitions = (long) Math.ceil(Math.max(1, stage.numTasks()) * peak / (target * share));
            config.put(PartitionMath.SHUFFLE_PARTITIONS,
                    String.valueOf(Math.max(partitions, PartitionMath.shufflePartitions(app.environment()))));
            text += partitions + " shuffle partitions bring the largest task to about " + Format.pct(100 * target)
                    + " of its share; or " + model.heapKey() + "=" + MemoryModel.format(heap) + ".";
        } else {
            config.put(model.heapKey(), MemoryModel.format(heap));
            text += model.heapKey() + "=" + MemoryModel.format(heap) + " brings the largest task to about "
                    + Format.pct(100 * target) + " of its share (or use fewer cores per executor).";
        }
        return new Recommendation(text, config);
    }
}
