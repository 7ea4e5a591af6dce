package io.sparkwise.cli;

/** The exit codes of every sparkwise command (DESIGN.md, "Exit codes"). */
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
}
