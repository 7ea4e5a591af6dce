package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerExecutorUnexcluded (SparkListenerExecutorUnblacklisted before Spark 3.1).
 *
 * @param time epoch milliseconds, 0 when not known
 */
public record ExecutorUnexcluded(long time, String executorId) implements SparkEvent {
    public ExecutorUnexcluded {
        requireNonNull(executorId, "executorId is null");
    }
}
