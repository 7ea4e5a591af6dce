package io.sparkwise.model;

/**
 * Stable codes of the errors users can cause: what went wrong, for every front end to act on (as
 * Trino's {@code StandardErrorCode}). How a front end reports a kind is its own business: the CLI
 * maps each to an exit code ({@code io.sparkwise.cli.ExitCodes}), a server would map it to an HTTP
 * status. Codes are only added, never renamed: front ends and tests name them.
 */
public enum ErrorCode {
    /** A bad flag, a bad option value, a missing argument. */
    USAGE,
    /** A path that does not exist or cannot be opened. */
    INPUT_NOT_FOUND,
    /** A file that exists but is not a Spark event log, or cannot be decoded at all. */
    NOT_AN_EVENT_LOG,
    /** An I/O error while reading. */
    READ_FAILED,
    /** A log that was read but holds nothing a command can work on (e.g. no successful task to simulate). */
    NOTHING_TO_SIMULATE,
    /** A file that holds the wrong content for what the command reads (an inventory row with a bad size). */
    MALFORMED_INPUT
}
