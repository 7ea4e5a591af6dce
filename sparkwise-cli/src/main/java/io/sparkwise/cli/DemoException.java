package io.sparkwise.cli;

/** The demo could not run; the message is one line for the user, printed without a stack trace. */
final class DemoException extends RuntimeException {

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
