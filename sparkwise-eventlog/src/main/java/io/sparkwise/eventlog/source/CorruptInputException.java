package io.sparkwise.eventlog.source;

import java.io.IOException;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Compressed bytes that could not be decoded. The message names the file and says in plain words
 * what is wrong; {@link #kind()} lets the reader treat a truncated in-progress log as normal.
 */
public final class CorruptInputException extends IOException {

    private final String file;
    private final Codec codec;
    private final Kind kind;
    private final long decodedBytes;

    public CorruptInputException(String file, Codec codec, Kind kind, long decodedBytes, Throwable cause) {
        super(message(file, codec, kind, decodedBytes, cause), cause);
        this.file = requireNonNull(file, "file is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.decodedBytes = decodedBytes;
    }

    /** The file as shown to users. */
    public String file() {
        return file;
    }

    public Codec codec() {
        return codec;
    }

    public Kind kind() {
        return kind;
    }

    /** Decoded bytes handed out before the error: they are good and were returned to the caller. */
    public long decodedBytes() {
        return decodedBytes;
    }

    public boolean truncated() {
        return kind == Kind.TRUNCATED;
    }

    public enum Kind {
        /** The first bytes are not this codec's format: wrong extension, or not compressed at all. */
        NOT_THIS_CODEC,
        /** The file ends before the compressed stream does (cut copy, or a log still being written). */
        TRUNCATED,
        /** The stream started well but later bytes do not decode. */
        CORRUPT
    }

    private static String message(String file, Codec codec, Kind kind, long decodedBytes, Throwable cause) {
        String codecName = codec.name().toLowerCase(Locale.ROOT);
        String detail = detail(cause);
        return switch (kind) {
            case NOT_THIS_CODEC -> "%s: not %s data (codec chosen by the file extension .%s)%s"
                    .formatted(file, codecName, codec.extension(), detail);
            case TRUNCATED -> "%s: truncated %s data: the file ends inside the compressed stream, after %d decoded bytes%s"
                    .formatted(file, codecName, decodedBytes, detail);
            case CORRUPT -> "%s: corrupt %s data after %d decoded bytes%s"
                    .formatted(file, codecName, decodedBytes, detail);
        };
    }

    private static String detail(Throwable cause) {
        if (cause == null || cause.getMessage() == null || cause.getMessage().isBlank()) {
            return "";
        }
        return ": " + cause.getMessage();
    }
}
