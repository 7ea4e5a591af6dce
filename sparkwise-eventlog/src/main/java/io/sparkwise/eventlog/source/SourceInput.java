package io.sparkwise.eventlog.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw (compressed) bytes under a decoder. It remembers the I/O errors of the storage itself
 * so that a disk or network failure is not reported as corrupt compressed data.
 */
final class SourceInput extends FilterInputStream {

    private IOException failure;

    SourceInput(InputStream raw) {
        super(raw);
    }

    /** True when {@code error} is, or was caused by, a failure of the underlying storage. */
    boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t == failure) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return super.available();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
