package io.sparkwise.eventlog.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Compression codecs of event logs, chosen by file extension exactly as Spark's
 * {@code EventLogFileReader} does, plus gzip which vendors (Databricks) write.
 *
 * <p>Placeholder: the source helper replaces this with the real decoders.
 */
public enum Codec {
    NONE, LZ4, LZF, SNAPPY, ZSTD, GZIP;

    /** Wraps {@code raw} in this codec's decoder; {@code name} is used in error messages. */
    public InputStream decode(InputStream raw, String name) throws IOException {
        if (this == NONE) {
            return raw;
        }
        throw new UnsupportedOperationException("codec not implemented yet: " + this);
    }
}
