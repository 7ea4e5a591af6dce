package io.sparkwise.eventlog.source;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.List;

/** Finds the event logs under a path. Placeholder: the source helper implements it. */
public final class LogDiscovery {

    private LogDiscovery() {
    }

    public static List<LogInput> discover(String path) {
        throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "discovery not implemented yet: " + path);
    }
}
