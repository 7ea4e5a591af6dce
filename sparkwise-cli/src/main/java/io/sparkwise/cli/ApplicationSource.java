package io.sparkwise.cli;

import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Where {@code analyze} gets applications from: the paths a user named, each discovered into
 * application attempt logs that are read one by one, so one bad log does not stop the others.
 * Tests pass a fake that throws real {@link SparkwiseException}s; production uses
 * {@link EngineSource#of}, the engine's discovery and reading.
 */
@FunctionalInterface
public interface ApplicationSource {

    /**
     * The logs found at {@code path}, not read yet.
     *
     * @throws SparkwiseException when nothing can be found there (a missing path, an unreadable directory)
     */
    List<PendingRead> discover(String path);

    /**
     * One application attempt's log, read when asked.
     *
     * @param size bytes on disk, -1 when unknown
     * @param reader reads the log, reporting raw bytes read to the given consumer (for progress)
     */
    record PendingRead(String name, long size, Function<LongConsumer, Application> reader) {

        public PendingRead {
            requireNonNull(name, "name is null");
            requireNonNull(reader, "reader is null");
        }

        /** A log read without progress reports (for tests and small inputs). */
        public PendingRead(String name, Supplier<Application> reader) {
            this(name, -1, progress -> reader.get());
        }

        /** @throws SparkwiseException when this log cannot be read */
        public Application read() {
            return reader.apply(bytes -> { });
        }

        /** @throws SparkwiseException when this log cannot be read */
        public Application read(LongConsumer rawBytesRead) {
            return reader.apply(rawBytesRead);
        }
    }

    /**
     * The one application attempt at {@code path}, read.
     *
     * @param why what needs exactly one log, for the error when the path holds several
     * @throws SparkwiseException when there is no log, more than one, or it cannot be read
     */
    default Application readOne(String path, String why) {
        List<PendingRead> logs = discover(path);
        if (logs.isEmpty()) {
            throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "no event log found in " + path);
        }
        if (logs.size() > 1) {
            throw new SparkwiseException(ErrorCode.USAGE, path + " holds " + logs.size() + " application logs; " + why);
        }
        return logs.get(0).read();
    }
}
