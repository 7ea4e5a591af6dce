package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.partitioning.PartitionMath;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage whose tasks spilled much of their data to disk: their sort or aggregation buffers did not
 * fit the execution memory each task gets.
 *
 * <p>Wasted core-seconds, conservatively: the disk bytes spilled written once and read back once
 * at an assumed per-task disk rate (spillBytesPerSecond); serialization and merge costs are left
 * out, so the real cost is higher.
 *
 * <p>Fix: enough partitions that each task's in-memory data fits its share of unified memory
 * (the share is the executors' measured storage memory / cores, or (heap - 300 MiB) x
 * spark.memory.fraction / cores): partitions = tasks + memory bytes spilled / share. Or a larger
 * heap per core with the same partitions.
 */
public final class SpillRule extends BaseRule implements StageRule {

    public static final String ID = "memory.spill";

    public SpillRule() {
        super(ID, RuleCategory.SPILL_AND_MEMORY,
                "Tasks spilled much of their data to disk because it did not fit their execution memory");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        return applies(context.settings(ID), stage) ? List.of(finding(context, stage)) : List.of();
    }

    static boolean applies(RuleSettings settings, StageAttempt stage) {
        long disk = stage.metrics().diskBytesSpilled();
        long data = PartitionMath.dataBytes(stage);
        return disk >= settings.getLong("minDiskBytesSpilled")
                && (data == 0 || disk >= settings.get("minSpillToDataRatio") * data);
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        MemoryModel model = MemoryModel.of(app);
        long share = MemoryModel.measuredPerTaskBytes(app).orElse(model.perTaskBytes());
        long disk = stage.metrics().diskBytesSpilled();
        long memory = stage.metrics().memoryBytesSpilled();
        double wasted = 2.0 * disk / settings.get("spillBytesPerSecond");
        long tasks = Math.max(1, stage.numTasks());
        long partitions = (long) Math.ceil(tasks + (double) memory / Math.max(1, share));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("memoryBytesSpilled", memory);
        evidence.put("diskBytesSpilled", disk);
        evidence.put(PartitionMath.isShuffleStage(stage) ? "shuffleReadBytes" : "inputBytes", PartitionMath.dataBytes(stage));
        evidence.put("numTasks", stage.numTasks());
        evidence.put("executionMemoryPerTaskBytes", share);
        List<String> missing = new ArrayList<>();
        if (stage.taskDistributions().of(TaskQuantity.PEAK_EXECUTION_MEMORY).isEmpty()) {
            missing.add("peakExecutionMemory");
        } else {
            evidence.put("maxPeakExecutionMemory", stage.taskDistributions().of(TaskQuantity.PEAK_EXECUTION_MEMORY).max());
        }
        evidence.put("recommendedPartitions", partitions);
        String title = "Stage " + stage.stageId() + " spilled " + Format.bytes(disk) + " to disk ("
                + Format.bytes(memory) + " in memory) over " + stage.numTasks() + " tasks";
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(stage.stageId(), stage.attemptId()),
                evidence, context.impact(wasted), fix(app, stage, model, share, partitions), missing, Optional.empty());
    }

    private static Recommendation fix(Application app, StageAttempt stage, MemoryModel model, long share, long partitions) {
        long tasks = Math.max(1, stage.numTasks());
        long heap = model.heapForPerTask((long) Math.ceil(model.perTaskBytes() * (double) partitions / tasks));
        String memoryOption = "Or give each core more memory: " + model.heapKey() + "=" + MemoryModel.format(heap)
                + " with " + model.cores() + " cores per " + (model.local() ? "JVM" : "executor")
                + " (per-task execution memory = (heap - 300 MiB) x spark.memory.fraction / cores), or fewer cores per executor.";
        Map<String, String> config = new LinkedHashMap<>();
        if (model.fraction() < SparkDefaults.MEMORY_FRACTION) {
            // A lowered fraction starves execution memory at every partition count: undo it first
            // (the demo's spill scenario showed more partitions alone leave the spill in place).
            long restored = (long) (share * SparkDefaults.MEMORY_FRACTION / model.fraction());
            config.put("spark.memory.fraction", String.valueOf(SparkDefaults.MEMORY_FRACTION));
            return new Recommendation("spark.memory.fraction is " + model.fraction() + ", below Spark's default "
                    + SparkDefaults.MEMORY_FRACTION + ": each task gets " + Format.bytes(share) + " of execution memory "
                    + "where the default gives " + Format.bytes(restored) + ". Restore the default first; if it still "
                    + "spills, use about " + partitions + " partitions. " + memoryOption, config);
        }
        if (PartitionMath.isShuffleStage(stage)) {
            int current = PartitionMath.shufflePartitions(app.environment());
            String why = "so each task's data fits its " + Format.bytes(share) + " of execution memory: tasks + memory "
                    + "spilled / share = " + partitions + " partitions. ";
            if (PartitionMath.aqeEnabled(app) && stage.numTasks() < current) {
                // AQE coalesced the shuffle into these few partitions: aim its coalescing at a
                // smaller size instead of raising a partition count it already shrank.
                long advisory = stage.metrics().shuffleReadBytes() / partitions;
                config.put("spark.sql.adaptive.advisoryPartitionSizeInBytes",
                        PartitionMath.floorMib(Math.max(advisory, 1024L * 1024)));
                return new Recommendation("Adaptive query execution coalesced this shuffle into " + stage.numTasks()
                        + " partitions; make them smaller " + why + memoryOption, config);
            }
            config.put(PartitionMath.SHUFFLE_PARTITIONS, String.valueOf(Math.max(partitions, current)));
            return new Recommendation("Use more shuffle partitions " + why + memoryOption, config);
        }
        if (PartitionMath.isScanStage(stage)) {
            long split = PartitionMath.maxPartitionBytes(app.environment()) * tasks / partitions;
            config.put(PartitionMath.MAX_PARTITION_BYTES, PartitionMath.floorMib(Math.max(split, 1024L * 1024)));
            return new Recommendation("Read smaller splits so each task's data fits its " + Format.bytes(share)
                    + " of execution memory (about " + partitions + " tasks). " + memoryOption, config);
        }
        config.put(model.heapKey(), MemoryModel.format(heap));
        return new Recommendation("Give each task more execution memory (" + Format.bytes(share) + " today): "
                + model.heapKey() + "=" + MemoryModel.format(heap) + ", or split the data into more partitions "
                + "(about " + partitions + ") in the code.", config);
    }
}
