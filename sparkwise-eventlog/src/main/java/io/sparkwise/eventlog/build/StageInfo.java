package io.sparkwise.eventlog.build;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The "Stage Info" object of JobStart, StageSubmitted and StageCompleted events. */
record StageInfo(
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
}
