package io.sparkwise.state.event;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** SparkListenerLogStart: the first line of a log, with the version of Spark that wrote it. */
public record LogStart(Optional<String> sparkVersion) implements SparkEvent {
    public LogStart {
        requireNonNull(sparkVersion, "sparkVersion is null");
    }
}
