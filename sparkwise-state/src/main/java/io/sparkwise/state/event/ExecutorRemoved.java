package io.sparkwise.state.event;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** SparkListenerExecutorRemoved. */
public record ExecutorRemoved(OptionalLong time, String executorId, Optional<String> reason) implements SparkEvent {
    public ExecutorRemoved {
        requireNonNull(time, "time is null");
        requireNonNull(executorId, "executorId is null");
        requireNonNull(reason, "reason is null");
    }
}
