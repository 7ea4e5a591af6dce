package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerNodeExcludedForStage (SparkListenerNodeBlacklistedForStage before Spark 3.1).
 *
 * @param time epoch milliseconds, 0 when not known
 */
public record NodeExcludedForStage(long time, String hostId, int stageId, int stageAttemptId) implements SparkEvent {
    public NodeExcludedForStage {
        requireNonNull(hostId, "hostId is null");
    }
}
