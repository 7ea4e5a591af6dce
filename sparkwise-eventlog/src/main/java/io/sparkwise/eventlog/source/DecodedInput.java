package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.CorruptInputException.Kind;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decompressed bytes of one file, buffered, with decoder failures turned into
 * {@link CorruptInputException}s that name the file.
 *
 * <p>The buffer is filled by exactly one decoder read at a time and only when it is empty, so
 * every byte decoded before a failure is handed out first and {@code decodedBytes} in the error
 * is exact. A {@code BufferedInputStream} on top of the decoder cannot promise that: its
 * {@code read(byte[])} may loop over several decoder reads and drop the bytes of the earlier ones
 * when a later one throws. The buffer is large (128 KB) because zstd and snappy cross JNI on each
 * read, which is why Spark buffers its zstd stream too.
 */
final class DecodedInput extends InputStream {

    private static final int RAW_BUFFER_SIZE = 64 * 1024;
    private static final int DECODED_BUFFER_SIZE = 128 * 1024;

    private final Codec codec;
    private final String file;
    private final SourceInput source;
    private final BufferedInputStream raw;
    private final byte[] buffer = new byte[DECODED_BUFFER_SIZE];
    private InputStream decoder;
    private int position;
    private int limit;
    private long decodedBytes;
    private boolean finished;
    private IOException failure;

    DecodedInput(Codec codec, String file, InputStream raw) {
        this.codec = codec;
        this.file = file;
        this.source = new SourceInput(raw);
        this.raw = new BufferedInputStream(source, RAW_BUFFER_SIZE);
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        decodedBytes++;
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        decodedBytes += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public void close() throws IOException {
        if (decoder != null) {
            decoder.close();
        } else {
            raw.close();
        }
    }

    private boolean fill() throws IOException {
        if (failure != null) {
            throw failure;
        }
        while (!finished) {
            try {
                int n = decoder().read(buffer, 0, buffer.length);
                if (n < 0) {
                    finished = true;
                } else if (n > 0) {
                    position = 0;
                    limit = n;
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                failure = translate(e);
                throw failure;
            }
        }
        return false;
    }

    private InputStream decoder() throws IOException {
        if (decoder == null) {
            // An empty compressed file decodes to nothing (the reader reports an empty log);
            // snappy and gzip would otherwise fail on the missing header with obscure messages.
            decoder = isEmpty() ? InputStream.nullInputStream() : Decoders.open(codec, raw);
        }
        return decoder;
    }

    private boolean isEmpty() throws IOException {
        raw.mark(1);
        boolean empty = raw.read() < 0;
        raw.reset();
        return empty;
    }

    private IOException translate(Exception e) {
        if (e instanceof IOException io && source.causedBy(e)) {
            return io;
        }
        Kind kind = isTruncation(e) ? Kind.TRUNCATED
                : decodedBytes == 0 ? Kind.NOT_THIS_CODEC
                : Kind.CORRUPT;
        return new CorruptInputException(file, codec, kind, decodedBytes, e);
    }

    /**
     * How each library says "the input ended too early" (measured on spark4 logs cut short):
     * lz4-java, gzip: EOFException; zstd-jni: "Truncated source"; snappy-java: "failed to read
     * chunk"; compress-lzf: "EOF in N byte (compressed) block".
     */
    private static boolean isTruncation(Exception e) {
        if (e instanceof EOFException) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("Truncated source")
                || message.contains("failed to read chunk")
                || message.startsWith("EOF in ");
    }
}
