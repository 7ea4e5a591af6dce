package io.sparkwise.state;

import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/** Mutable state of one job while events are applied (Spark's LiveJob). */
final class LiveJob {
    final int jobId;
    final String name;
    final Optional<String> description;
    final OptionalLong submissionTime;
    final List<Integer> stageIds;
    final Optional<String> jobGroup;
    final List<String> jobTags;
    final int numTasks;
    final OptionalLong sqlExecutionId;

    int activeTasks;
    int completedTasks;
    int failedTasks;
    int killedTasks;
    int skippedTasks;
    /** Completed task indices per stage (Spark packs stage id and index in one long). */
    final java.util.Map<Integer, java.util.BitSet> completedIndices = new java.util.HashMap<>();
    final Map<String, Integer> killedSummary = new TreeMap<>();
    final Set<Integer> skippedStages = new HashSet<>();
    final Set<Integer> completedStages = new HashSet<>();
    int activeStages;
    int failedStages;
    JobStatus status = JobStatus.RUNNING;
    OptionalLong completionTime = OptionalLong.empty();
    Optional<String> failureReason = Optional.empty();

    LiveJob(int jobId, String name, Optional<String> description, OptionalLong submissionTime,
            List<Integer> stageIds, Optional<String> jobGroup, List<String> jobTags, int numTasks,
            OptionalLong sqlExecutionId) {
        this.jobId = jobId;
        this.name = name;
        this.description = description;
        this.submissionTime = submissionTime;
        this.stageIds = List.copyOf(stageIds);
        this.jobGroup = jobGroup;
        this.jobTags = List.copyOf(jobTags);
        this.numTasks = numTasks;
        this.sqlExecutionId = sqlExecutionId;
    }

    void addCompletedIndex(int stageId, int index) {
        if (index >= 0) {
            completedIndices.computeIfAbsent(stageId, s -> new java.util.BitSet()).set(index);
        }
    }

    private int completedIndexCount() {
        int n = 0;
        for (java.util.BitSet b : completedIndices.values()) {
            n += b.cardinality();
        }
        return n;
    }

    Job toModel() {
        return new Job(jobId, name, description, submissionTime, completionTime, stageIds, jobGroup, jobTags,
                status, numTasks, activeTasks, completedTasks, skippedTasks, failedTasks, killedTasks,
                completedIndexCount(), Math.max(0, activeStages), completedStages.size(), skippedStages.size(), failedStages,
                killedSummary, sqlExecutionId, failureReason);
    }
}
