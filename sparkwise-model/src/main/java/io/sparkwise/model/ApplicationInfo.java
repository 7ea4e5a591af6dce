package io.sparkwise.model;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The application and the attempt the log belongs to. Times are epoch milliseconds.
 *
 * @param duration end minus start for a completed attempt; for an incomplete one, the time of the
 *     last event seen minus start (the History Server reports -1 there; see docs/json.md)
 * @param completed true when the log holds SparkListenerApplicationEnd
 * @param master {@code spark.master} as logged (may be redacted or absent)
 */
public record ApplicationInfo(
        String id,
        String name,
        Optional<String> attemptId,
        String sparkUser,
        OptionalLong startTime,
        OptionalLong endTime,
        long duration,
        long lastEventTime,
        Optional<String> sparkVersion,
        Optional<String> master,
        ClusterManager clusterManager,
        boolean completed) {

    public ApplicationInfo {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(attemptId, "attemptId is null");
        requireNonNull(sparkUser, "sparkUser is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(endTime, "endTime is null");
        requireNonNull(sparkVersion, "sparkVersion is null");
        requireNonNull(master, "master is null");
        requireNonNull(clusterManager, "clusterManager is null");
    }
}
