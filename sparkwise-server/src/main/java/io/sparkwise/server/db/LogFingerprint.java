package io.sparkwise.server.db;

import static java.util.Objects.requireNonNull;

/**
 * What a log was when it was ingested: a re-scan re-analyzes it only when its size or
 * modification time changed.
 *
 * @param sourcePath the log as discovery names it (a file, or a rolling log's directory)
 * @param sizeBytes bytes on disk over all its parts, -1 when unknown
 * @param modifiedEpoch the newest modification time of its parts (epoch ms), -1 when unknown
 */
public record LogFingerprint(String sourcePath, long sizeBytes, long modifiedEpoch) {

    public LogFingerprint {
        requireNonNull(sourcePath, "sourcePath is null");
    }
}
