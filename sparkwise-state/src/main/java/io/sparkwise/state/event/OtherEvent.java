package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * An event the state does not use (BlockManagerRemoved, UnpersistRDD, a vendor's or a future
 * event): only its time counts, as the application's latest activity.
 *
 * @param name the event's name as written (SparkListenerBlockManagerRemoved, ...)
 * @param time epoch milliseconds, 0 when the event has none
 */
public record OtherEvent(String name, long time) implements SparkEvent {
    public OtherEvent {
        requireNonNull(name, "name is null");
    }
}
