package io.sparkwise.server.api;

/** A request the API answers with an error status and a JSON message, e.g. 404 for an unknown id. */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
