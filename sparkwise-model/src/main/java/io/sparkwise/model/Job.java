package io.sparkwise.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A Spark job, with the counters of the History Server's JobData (same names, same meaning).
 *
 * @param name the name of the job's last stage, as Spark names jobs
 * @param numTasks tasks of the job's stages that had not completed when the job started
 * @param failureReason the exception of a failed job (JobFailed), when logged
 */
public record Job(
        int jobId,
        String name,
        Optional<String> description,
        OptionalLong submissionTime,
        OptionalLong completionTime,
        List<Integer> stageIds,
        Optional<String> jobGroup,
        List<String> jobTags,
        JobStatus status,
        int numTasks,
        int numActiveTasks,
        int numCompletedTasks,
        int numSkippedTasks,
        int numFailedTasks,
        int numKilledTasks,
        int numCompletedIndices,
        int numActiveStages,
        int numCompletedStages,
        int numSkippedStages,
        int numFailedStages,
        Map<String, Integer> killedTasksSummary,
        OptionalLong sqlExecutionId,
        Optional<String> failureReason) {

    public Job {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(submissionTime, "submissionTime is null");
        requireNonNull(completionTime, "completionTime is null");
        stageIds = List.copyOf(stageIds);
        requireNonNull(jobGroup, "jobGroup is null");
        jobTags = List.copyOf(jobTags);
        requireNonNull(status, "status is null");
        killedTasksSummary = Map.copyOf(killedTasksSummary);
        requireNonNull(sqlExecutionId, "sqlExecutionId is null");
        requireNonNull(failureReason, "failureReason is null");
    }

    /** Completion minus submission time, when both are known. */
    public OptionalLong duration() {
        if (submissionTime.isPresent() && completionTime.isPresent()) {
            return OptionalLong.of(completionTime.getAsLong() - submissionTime.getAsLong());
        }
        return OptionalLong.empty();
    }
}
