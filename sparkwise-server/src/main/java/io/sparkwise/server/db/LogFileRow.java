package io.sparkwise.server.db;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One log the server has seen, and how ingesting it went.
 *
 * @param status {@code ANALYZED} or {@code FAILED}
 * @param errorCode for a failed log: the model's {@code ErrorCode}, or {@code INTERNAL} for a bug
 */
public record LogFileRow(LogFingerprint fingerprint, long ingestedEpoch, String status,
                         Optional<String> errorCode, Optional<String> errorMessage) {

    public static final String ANALYZED = "ANALYZED";
    public static final String FAILED = "FAILED";

    public LogFileRow {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(status, "status is null");
        requireNonNull(errorCode, "errorCode is null");
        requireNonNull(errorMessage, "errorMessage is null");
    }
}
