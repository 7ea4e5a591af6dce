package io.sparkwise.demo.runner;

/** The demo could not run; the message is one line for the user, printed without a stack trace. */
public class DemoException extends RuntimeException {

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
