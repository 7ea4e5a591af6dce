package io.sparkwise.state.event;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** SparkListenerApplicationEnd: a log without it belongs to an application that did not finish cleanly. */
public record ApplicationEnd(OptionalLong time) implements SparkEvent {
    public ApplicationEnd {
        requireNonNull(time, "time is null");
    }
}
