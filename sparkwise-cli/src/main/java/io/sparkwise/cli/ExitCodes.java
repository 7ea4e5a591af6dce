package io.sparkwise.cli;

import io.sparkwise.model.ErrorCode;

/**
 * The exit codes of every sparkwise command (DESIGN.md, "Exit codes"), and which one each kind of
 * user error ends with. The library raises {@link ErrorCode}s; only the CLI knows about exit codes.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** A finding at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** A bad flag, a bad option value, a missing argument; also an {@code --output} that cannot be written. */
    public static final int USAGE = 2;
    /** No input could be read at all. */
    public static final int NO_INPUT = 3;
    /** A bug in sparkwise: an exception no user input should cause. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCodes() {
    }

    /**
     * The exit code of a user error of kind {@code code}: 2 for a usage error, 3 when the input
     * cannot be read or holds nothing to work on. The switch has no default, so a new kind does
     * not compile until it is given one.
     */
    public static int of(ErrorCode code) {
        return switch (code) {
            case USAGE -> USAGE;
            case INPUT_NOT_FOUND, NOT_AN_EVENT_LOG, READ_FAILED, NOTHING_TO_SIMULATE, MALFORMED_INPUT -> NO_INPUT;
        };
    }
}
