package io.sparkwise.eventlog.source;

import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * One file of an event log: a whole single-file log, one {@code events_N_} part of a rolling log,
 * or one hourly part of a Databricks log.
 *
 * @param name the path as shown to users (in messages naming file and line)
 * @param size bytes on disk, or -1 when unknown
 * @param codec the compression codec, chosen by file extension as Spark does
 * @param opener opens the raw (still compressed) bytes
 */
public record LogPart(String name, long size, Codec codec, Opener opener) {

    public LogPart {
        requireNonNull(name, "name is null");
        requireNonNull(codec, "codec is null");
        requireNonNull(opener, "opener is null");
    }

    /** Opens the decompressed content. Errors name this part. */
    public InputStream open() throws IOException {
        return codec.decode(opener.open(), name);
    }

    /**
     * Opens the decompressed content and reports each chunk of raw (on-disk) bytes read to
     * {@code rawBytesRead}, for progress against {@link #size()}.
     */
    public InputStream open(java.util.function.LongConsumer rawBytesRead) throws IOException {
        return codec.decode(new CountingInputStream(opener.open(), rawBytesRead), name);
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
