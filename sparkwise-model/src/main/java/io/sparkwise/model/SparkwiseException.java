package io.sparkwise.model;

import static java.util.Objects.requireNonNull;

/**
 * An error a user can cause (bad path, bad file, bad flag). The message says what and where and
 * is printed as is, without a stack trace.
 */
public class SparkwiseException extends RuntimeException {

    private final ErrorCode code;

    public SparkwiseException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public SparkwiseException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
