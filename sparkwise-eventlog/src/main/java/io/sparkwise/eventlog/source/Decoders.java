package io.sparkwise.eventlog.source;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.ning.compress.lzf.LZFInputStream;
import org.xerial.snappy.SnappyInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The library decoder of each codec. Kept out of {@link Codec} so that naming a codec does not
 * load (and verify against) four compression libraries: only decoding a compressed file does.
 */
final class Decoders {

    private static final int GZIP_BUFFER_SIZE = 64 * 1024;

    private Decoders() {
    }

    /** The decoder over buffered raw bytes; may read a header, so it can throw. */
    static InputStream open(Codec codec, BufferedInputStream raw) throws IOException {
        return switch (codec) {
            case NONE -> raw;
            case LZ4 -> new ConcatenatedLz4Input(raw);
            case LZF -> new LZFInputStream(raw);
            case SNAPPY -> new SnappyInputStream(raw);
            // Continuous mode off: a frame cut short is an error, not a quiet end of data.
            case ZSTD -> new ZstdInputStreamNoFinalizer(raw).setContinuous(false);
            case GZIP -> new GZIPInputStream(raw, GZIP_BUFFER_SIZE);
        };
    }
}
