package io.sparkwise.eventlog.source;

import net.jpountz.lz4.LZ4BlockInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Spark's lz4 framing ({@code LZ4BlockOutputStream}), possibly several streams back to back.
 *
 * <p>Spark reads with {@code stopOnEmptyBlock=false} so that concatenated streams decode as one.
 * That mode also ends silently when the file stops at a block boundary or inside a block header,
 * so a log cut there looks complete (measured: the spark4 lz4 log minus its last byte, or minus
 * its whole 21-byte end block, decodes "OK"). Here each stream is read with
 * {@code stopOnEmptyBlock=true}, which requires the end block, and the next stream starts when
 * more bytes follow: same output as Spark for good files, and a cut file says it is truncated.
 */
final class ConcatenatedLz4Input extends InputStream {

    private final BufferedInputStream raw;
    private InputStream current;

    ConcatenatedLz4Input(BufferedInputStream raw) {
        this.raw = raw;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (current == null && !startNextStream()) {
                return -1;
            }
            int n = current.read(b, off, len);
            if (n >= 0) {
                return n;
            }
            // Not closed: closing an LZ4BlockInputStream closes the raw input we still read from.
            current = null;
        }
    }

    private boolean startNextStream() throws IOException {
        raw.mark(1);
        if (raw.read() < 0) {
            return false;
        }
        raw.reset();
        current = new LZ4BlockInputStream(raw, true);
        return true;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
