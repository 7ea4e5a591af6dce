package io.sparkwise.state.event;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** SparkListenerSQLExecutionEnd; {@code errorMessage} is present when the execution failed (Spark 3.4+). */
public record SqlExecutionEnd(long executionId, OptionalLong time, Optional<String> errorMessage)
        implements SparkEvent {

    public SqlExecutionEnd {
        requireNonNull(time, "time is null");
        requireNonNull(errorMessage, "errorMessage is null");
    }
}
