package io.sparkwise.eventlog.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Compression codecs of event logs, chosen by file extension exactly as Spark's
 * {@code EventLogFileWriter.codecName} does, plus gzip which vendors (Databricks) write.
 * Each decodes with the library Spark itself uses, so whatever Spark wrote, we read.
 */
public enum Codec {
    NONE(""),
    /** lz4-java {@code LZ4BlockOutputStream} framing (Spark's {@code LZ4CompressionCodec}). */
    LZ4("lz4"),
    /** compress-lzf chunks (Spark's {@code LZFCompressionCodec}). */
    LZF("lzf"),
    /** snappy-java's own stream format, not the Snappy framing format. */
    SNAPPY("snappy"),
    /** Standard zstd frames written by zstd-jni. */
    ZSTD("zstd"),
    /** gzip members, as Databricks writes its hourly parts. */
    GZIP("gz");

    private static final String IN_PROGRESS = ".inprogress";
    private static final String COMPACTED = ".compact";

    private final String extension;

    Codec(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot, that selects this codec; empty for {@link #NONE}. */
    public String extension() {
        return extension;
    }

    /**
     * The codec of a log file, as Spark picks it: drop a trailing {@code .compact} and
     * {@code .inprogress}, then the text after the last dot names the codec. App ids never
     * contain dots (Spark sanitizes them), so {@code local-1430917381535_1} has no codec.
     * An extension that names no codec is read as plain text (Spark would refuse the file).
     *
     * @param name a file name, or a path whose last segment is the file name
     */
    public static Codec fromFileName(String name) {
        String fileName = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String base = stripSuffix(stripSuffix(fileName, COMPACTED), IN_PROGRESS);
        int dot = base.lastIndexOf('.');
        if (dot < 0) {
            return NONE;
        }
        String suffix = base.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Codec codec : values()) {
            if (codec != NONE && codec.extension.equals(suffix)) {
                return codec;
            }
        }
        return NONE;
    }

    /**
     * Wraps {@code raw} in this codec's decoder; {@code name} is used in error messages.
     * Decoding errors surface on read as {@link CorruptInputException}; failures of the
     * storage itself pass through unchanged. Closing the result closes {@code raw}.
     */
    public InputStream decode(InputStream raw, String name) throws IOException {
        if (this == NONE) {
            return raw;
        }
        return new DecodedInput(this, name, raw);
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
