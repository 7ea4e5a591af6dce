package io.sparkwise.demo.runner;

/**
 * The demo child JVM rejected its arguments (an unknown scenario, a bad option) and already named
 * the bad one on stderr: a usage error, with nothing more to print.
 */
public final class DemoUsageException extends DemoException {

    /** The exit code DemoMain uses for a usage error (its {@code USAGE}). */
    static final int CHILD_USAGE_EXIT = 2;

    DemoUsageException(String message) {
        super(message);
    }
}
