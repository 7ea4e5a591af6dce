package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerNodeUnexcluded (SparkListenerNodeUnblacklisted before Spark 3.1).
 *
 * @param time epoch milliseconds, 0 when not known
 */
public record NodeUnexcluded(long time, String hostId) implements SparkEvent {
    public NodeUnexcluded {
        requireNonNull(hostId, "hostId is null");
    }
}
