package io.sparkwise.model;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Task ends of one kind and cause: an ExceptionFailure by exception class, an
 * ExecutorLostFailure by exit status or loss reason, a FetchFailed, a TaskKilled by kill reason.
 *
 * @param cause the grouping key within the kind (exception class name, "exit code 137", ...)
 * @param sampleMessage the first message seen, cut to a few hundred characters
 * @param wastedTaskTime sum of the durations (ms) of those task attempts: work lost
 */
public record TaskFailureGroup(
        TaskFailureKind kind,
        String cause,
        int count,
        String sampleMessage,
        List<Integer> stageIds,
        List<String> executorIds,
        long wastedTaskTime) {

    public TaskFailureGroup {
        requireNonNull(kind, "kind is null");
        requireNonNull(cause, "cause is null");
        requireNonNull(sampleMessage, "sampleMessage is null");
        stageIds = List.copyOf(stageIds);
        executorIds = List.copyOf(executorIds);
    }
}
