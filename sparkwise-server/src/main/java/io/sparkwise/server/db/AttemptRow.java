package io.sparkwise.server.db;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One application attempt as stored: what the application list and the application endpoints
 * serve without reading the log again.
 *
 * @param durationMs ours: end minus start, or for an incomplete attempt last event minus start
 * @param modifiedEpoch the log's modification time, the History Server's {@code lastUpdated}
 */
public record AttemptRow(
        String sourcePath,
        String appId,
        Optional<String> attemptId,
        String name,
        String sparkUser,
        OptionalLong startEpoch,
        OptionalLong endEpoch,
        long durationMs,
        long lastEventEpoch,
        boolean completed,
        Optional<String> sparkVersion,
        String jobKey,
        long damagedLines,
        int findingCount,
        long modifiedEpoch) {

    public AttemptRow {
        requireNonNull(sourcePath, "sourcePath is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(attemptId, "attemptId is null");
        requireNonNull(name, "name is null");
        requireNonNull(sparkUser, "sparkUser is null");
        requireNonNull(startEpoch, "startEpoch is null");
        requireNonNull(endEpoch, "endEpoch is null");
        requireNonNull(sparkVersion, "sparkVersion is null");
        requireNonNull(jobKey, "jobKey is null");
    }
}
