package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerExecutorExcluded (SparkListenerExecutorBlacklisted before Spark 3.1).
 *
 * @param time epoch milliseconds, 0 when not known
 */
public record ExecutorExcluded(long time, String executorId) implements SparkEvent {
    public ExecutorExcluded {
        requireNonNull(executorId, "executorId is null");
    }
}
