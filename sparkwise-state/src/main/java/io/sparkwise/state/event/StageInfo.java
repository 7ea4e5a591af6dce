package io.sparkwise.state.event;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Spark's StageInfo, as JobStart, StageSubmitted and StageCompleted carry it.
 *
 * @param rddIds ids of the RDDs the stage computes
 * @param submissionTime absent until the stage is submitted (a skipped stage never is)
 * @param failureReason present for a failed stage attempt
 */
public record StageInfo(
        int stageId,
        int attemptId,
        String name,
        int numTasks,
        List<Integer> rddIds,
        List<Integer> parentIds,
        String details,
        OptionalLong submissionTime,
        OptionalLong completionTime,
        Optional<String> failureReason,
        int resourceProfileId) {

    public StageInfo {
        requireNonNull(name, "name is null");
        rddIds = Copies.list(rddIds, "rddIds");
        parentIds = Copies.list(parentIds, "parentIds");
        requireNonNull(details, "details is null");
        requireNonNull(submissionTime, "submissionTime is null");
        requireNonNull(completionTime, "completionTime is null");
        requireNonNull(failureReason, "failureReason is null");
    }
}
