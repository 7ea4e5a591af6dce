package io.sparkwise.model;

/** Stable codes of the errors users can cause, with the CLI exit code each maps to. */
public enum ErrorCode {
    /** A bad flag, a bad option value, a missing argument. */
    USAGE(2),
    /** A path that does not exist or cannot be opened. */
    INPUT_NOT_FOUND(3),
    /** A file that exists but is not a Spark event log, or cannot be decoded at all. */
    NOT_AN_EVENT_LOG(3),
    /** An I/O error while reading. */
    READ_FAILED(3),
    /** A log that was read but holds nothing a command can work on (e.g. no successful task to simulate). */
    NOTHING_TO_SIMULATE(3),
    /** A file that holds the wrong content for what the command reads (an inventory row with a bad size). */
    MALFORMED_INPUT(3);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
