package io.sparkwise.state.event;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerJobEnd.
 *
 * @param succeeded Spark's JobSucceeded; false for JobFailed
 * @param failureMessage the message of JobFailed's exception
 */
public record JobEnd(int jobId, OptionalLong time, boolean succeeded, Optional<String> failureMessage)
        implements SparkEvent {

    public JobEnd {
        requireNonNull(time, "time is null");
        requireNonNull(failureMessage, "failureMessage is null");
    }
}
