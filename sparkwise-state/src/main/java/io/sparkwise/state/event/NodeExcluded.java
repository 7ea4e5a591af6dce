package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerNodeExcluded (SparkListenerNodeBlacklisted before Spark 3.1).
 *
 * @param time epoch milliseconds, 0 when not known
 */
public record NodeExcluded(long time, String hostId) implements SparkEvent {
    public NodeExcluded {
        requireNonNull(hostId, "hostId is null");
    }
}
