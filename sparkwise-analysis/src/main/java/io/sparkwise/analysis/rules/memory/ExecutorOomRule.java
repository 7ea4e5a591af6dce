package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.analysis.rules.partitioning.PartitionMath;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tasks that failed for lack of memory, told apart by where memory ran out:
 * <ul>
 *   <li>heap: java.lang.OutOfMemoryError "Java heap space" / "GC overhead limit exceeded" (in
 *   local mode that heap is the driver's);</li>
 *   <li>off-heap: "Direct buffer memory" (Netty, Parquet/ORC readers, Arrow) lives in the
 *   container's overhead, not the heap;</li>
 *   <li>container: the executor was killed by YARN or Kubernetes for exceeding its memory limit
 *   (exit code 137/143, OOMKilled): heap + overhead outgrew the container.</li>
 * </ul>
 * The fix is computed from the current settings with Spark's memory model and refined by the
 * stage's type: split a scan's input smaller, give a shuffle more partitions, lower the broadcast
 * threshold when the query broadcasts.
 */
public final class ExecutorOomRule extends BaseRule implements StageRule {

    public static final String ID = "memory.executor-oom";

    private static final Set<String> CONTAINER_CAUSES = Set.of("container killed for exceeding memory limits",
            "exit code 137", "exit code 143", "pod OOMKilled");

    public ExecutorOomRule() {
        super(ID, RuleCategory.SPILL_AND_MEMORY,
                "Tasks failed with OutOfMemoryError or their executor was killed for exceeding its memory limit");
    }

    enum Where { HEAP, OFF_HEAP, CONTAINER }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TaskFailureGroup group : stage.taskFailures()) {
            classify(group).ifPresent(where -> findings.add(finding(context, stage, group, where)
                    .withSubject(group.kind() + ":" + group.cause())));
        }
        return findings;
    }

    /** Every attempt with task failures, whatever its status. */
    @Override
    public boolean judges(StageAttempt stage) {
        return true;
    }

    static Optional<Where> classify(TaskFailureGroup group) {
        String text = (group.cause() + " " + group.sampleMessage()).toLowerCase(Locale.ROOT);
        if (group.kind() == TaskFailureKind.EXCEPTION_FAILURE && text.contains("outofmemoryerror")) {
            return Optional.of(text.contains("direct buffer memory") ? Where.OFF_HEAP : Where.HEAP);
        }
        if (group.kind() == TaskFailureKind.EXECUTOR_LOST_FAILURE && CONTAINER_CAUSES.contains(group.cause())) {
            return Optional.of(Where.CONTAINER);
        }
        return Optional.empty();
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage, TaskFailureGroup group, Where where) {
        Application app = context.application();
        MemoryModel model = MemoryModel.of(app);
        double wasted = group.wastedTaskTime() / 1000.0;
        boolean failedJob = stage.status() == StageStatus.FAILED || stage.jobIds().stream()
                .anyMatch(id -> app.job(id).map(j -> j.status() == JobStatus.FAILED).orElse(false));
        // A failed stage or job is an outright failure: the application did not produce its
        // result, whatever the core-seconds lost, so the finding is critical.
        Severity severity = failedJob ? Severity.CRITICAL : context.severityFor(wasted);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("failureKind", group.kind().sparkName());
        evidence.put("cause", group.cause());
        evidence.put("failedTasks", group.count());
        evidence.put("message", group.sampleMessage());
        evidence.put("wastedTaskTimeMs", group.wastedTaskTime());
        evidence.put("memoryRegion", where == Where.HEAP && model.local() ? "driver heap" : label(where));
        evidence.put(model.heapKey(), model.heapBytes());
        if (!model.local()) {
            evidence.put(MemoryModel.EXECUTOR_OVERHEAD, model.overheadBytes());
        }
        evidence.put("coresPerExecutor", model.cores());
        evidence.put("stageFailedOrJobFailed", failedJob);
        String title = group.count() + " task" + (group.count() == 1 ? "" : "s") + " of stage " + stage.stageId()
                + " ran out of " + (where == Where.HEAP && model.local() ? "driver heap" : label(where))
                + " (" + group.cause() + ")" + (failedJob ? " and failed the job" : "");
        return new Finding(ID, severity, title, Scope.stage(stage.stageId(), stage.attemptId()), evidence,
                context.impact(wasted), fix(context, stage, where, model), List.of(), Optional.empty());
    }

    private static String label(Where where) {
        return switch (where) {
            case HEAP -> "executor heap";
            case OFF_HEAP -> "off-heap (direct) memory";
            case CONTAINER -> "container memory";
        };
    }

    private static Recommendation fix(AnalysisContext context, StageAttempt stage, Where where, MemoryModel model) {
        RuleSettings settings = context.settings(ID);
        Map<String, String> config = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        double growth = settings.get("memoryGrowthFactor");
        long maxHeap = settings.getLong("maxExecutorMemoryBytes");
        if (where == Where.HEAP) {
            long heap = model.heapForPerTask((long) Math.ceil(model.perTaskBytes() * growth));
            if (heap > maxHeap && model.cores() > 1 && !model.local()) {
                // The heap would outgrow what a node typically offers one executor: give each task
                // more of the same heap by running fewer tasks at once instead.
                int cores = Math.max(1, (int) Math.floor(model.cores() / growth));
                config.put("spark.executor.cores", String.valueOf(cores));
                text.append("Give each task more heap without a larger container: spark.executor.cores=").append(cores)
                        .append(" (per-task memory = (heap - 300 MiB) x spark.memory.fraction / cores). ");
            } else {
                config.put(model.heapKey(), MemoryModel.format(heap));
                text.append("Raise the heap so each task gets ").append(Format.ratio(growth)).append(" the execution "
                        + "memory: ").append(model.heapKey()).append('=').append(MemoryModel.format(heap)).append(". ");
            }
        } else {
            long overhead = (long) Math.ceil(model.overheadBytes() * growth);
            long heap = model.heapBytes();
            if (heap + overhead > maxHeap) {
                // Keep the container the size it was, moving memory from the heap to the overhead.
                heap = Math.max(SparkDefaults.EXECUTOR_MEMORY, model.containerBytes() - overhead);
                config.put(MemoryModel.EXECUTOR_MEMORY, MemoryModel.format(heap));
            }
            config.put(MemoryModel.EXECUTOR_OVERHEAD, MemoryModel.format(overhead));
            text.append(where == Where.OFF_HEAP
                    ? "Direct buffers live outside the heap, in the container's overhead: "
                    : "The container outgrew its limit (heap + overhead + off-heap + PySpark memory): ")
                    .append("spark.executor.memoryOverhead=").append(MemoryModel.format(overhead))
                    .append(" (today ").append(Format.bytes(model.overheadBytes())).append("). ");
        }
        byStageType(context.application(), stage, config, text);
        return new Recommendation(text.toString().trim(), config);
    }

    private static void byStageType(Application app, StageAttempt stage, Map<String, String> config, StringBuilder text) {
        boolean broadcast = Stages.sqlExecution(app, stage)
                .map(sql -> !Stages.planNodes(sql, "BroadcastExchange").isEmpty()).orElse(false);
        if (broadcast) {
            long threshold = SparkSizes.parseBytes(app.environment().sparkProperties()
                    .get("spark.sql.autoBroadcastJoinThreshold"), 1).orElse(SparkDefaults.AUTO_BROADCAST_THRESHOLD);
            if (threshold > 0) {
                config.put("spark.sql.autoBroadcastJoinThreshold", PartitionMath.floorMib(threshold / 2));
                text.append("The query broadcasts a table, held whole in every executor: halve "
                        + "spark.sql.autoBroadcastJoinThreshold so larger tables are shuffled instead.");
            }
        } else if (PartitionMath.isShuffleStage(stage)) {
            long partitions = Math.max(stage.numTasks(), PartitionMath.shufflePartitions(app.environment())) * 2L;
            config.put(PartitionMath.SHUFFLE_PARTITIONS, String.valueOf(partitions));
            text.append("It is a shuffle stage: twice the partitions halve each task's data; if one partition is far "
                    + "larger than the others, fix the skew (see skew.shuffle-read).");
        } else if (PartitionMath.isScanStage(stage)) {
            config.put(PartitionMath.MAX_PARTITION_BYTES,
                    PartitionMath.floorMib(PartitionMath.maxPartitionBytes(app.environment()) / 2));
            text.append("It is a scan stage: halve spark.sql.files.maxPartitionBytes so each task reads less input.");
        }
    }
}
