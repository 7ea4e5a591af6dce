package io.sparkwise.eventlog;

import io.sparkwise.eventlog.source.LogDiscovery;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.List;

/**
 * Entry point of the event log reader: finds the logs a user named and reads each into an
 * {@link Application}. Users' mistakes come out as {@link SparkwiseException}s that say what and
 * where.
 */
public final class EventLogReader {

    /**
     * Finds the event logs at {@code path}: a file, a rolling {@code eventlog_v2_*} directory, a
     * Databricks rolled-log directory, or a directory holding many logs (one input each).
     */
    public List<LogInput> discover(String path) {
        return LogDiscovery.discover(path);
    }

    /** Reads one application attempt's log. */
    public Application read(LogInput input) {
        throw new SparkwiseException(ErrorCode.READ_FAILED, "reader not implemented yet: " + input.name());
    }
}
