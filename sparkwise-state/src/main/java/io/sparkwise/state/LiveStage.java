package io.sparkwise.state;

import io.sparkwise.model.ExecutorMetrics;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskDistributions;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;
import io.sparkwise.state.event.StageInfo;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/** Mutable state of one stage attempt while events are applied (Spark's LiveStage). */
final class LiveStage {
    final int stageId;
    final int attemptId;
    StageInfo info;
    StageStatus status = StageStatus.PENDING;
    Optional<String> description = Optional.empty();
    String schedulingPool = "default";
    final List<LiveJob> jobs = new ArrayList<>();
    final Set<Integer> jobIds = new LinkedHashSet<>();

    int activeTasks;
    int completedTasks;
    int failedTasks;
    int killedTasks;
    final BitSet completedIndices = new BitSet();
    long firstLaunchTime = Long.MAX_VALUE;
    final long[] metrics = new long[TaskMetric.values().length];
    final Map<String, Integer> killedSummary = new TreeMap<>();
    final Map<String, Long> localitySummary = new TreeMap<>();
    final Map<String, Integer> activeTasksPerExecutor = new HashMap<>();
    final PeakMetrics peaks = new PeakMetrics();
    final java.util.Set<String> excludedExecutors = new java.util.HashSet<>();
    final Map<TaskQuantity, QuantileSketch.Builder> sketches = new EnumMap<>(TaskQuantity.class);
    final FailureGroups failures = new FailureGroups();

    LiveStage(StageInfo info) {
        this.stageId = info.stageId();
        this.attemptId = info.attemptId();
        this.info = info;
    }

    void addToSketch(TaskQuantity quantity, long value) {
        sketches.computeIfAbsent(quantity, q -> new QuantileSketch.Builder()).add(value);
    }

    StageAttempt toModel() {
        Map<TaskQuantity, QuantileSketch> built = new EnumMap<>(TaskQuantity.class);
        sketches.forEach((q, b) -> built.put(q, b.build()));
        Optional<ExecutorMetrics> peak = peaks.toModel();
        List<TaskFailureGroup> groups = failures.toModel();
        List<Integer> jobIdList = new ArrayList<>(jobIds);
        return new StageAttempt(
                stageId, attemptId, status, info.name(), info.details(), description, schedulingPool,
                info.numTasks(), activeTasks, completedTasks, failedTasks, killedTasks,
                completedIndices.cardinality(),
                info.submissionTime(),
                firstLaunchTime < Long.MAX_VALUE ? OptionalLong.of(firstLaunchTime) : OptionalLong.empty(),
                info.completionTime(), info.failureReason(),
                TaskMetricTotals.of(metrics), new TaskDistributions(built),
                info.parentIds(), info.rddIds(), jobIdList, info.resourceProfileId(),
                killedSummary, localitySummary, groups, peak);
    }
}
