package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerExecutorExcludedForStage (SparkListenerExecutorBlacklistedForStage before Spark 3.1).
 *
 * @param time epoch milliseconds, 0 when not known
 */
public record ExecutorExcludedForStage(long time, String executorId, int stageId, int stageAttemptId) implements SparkEvent {
    public ExecutorExcludedForStage {
        requireNonNull(executorId, "executorId is null");
    }
}
