package io.sparkwise.eventlog.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines without decoding them to strings: the parser reads each line's bytes
 * in place. Lines longer than {@link #MAX_LINE_BYTES} are reported, not kept, so one hostile line
 * cannot exhaust the heap.
 */
public final class LineReader {

    /** Longest line kept. Spark's largest lines (SQL plans, environment) are a few MB. */
    public static final int MAX_LINE_BYTES = 256 * 1024 * 1024;

    public interface LineHandler {
        /**
         * @param endsWithNewline false for a last line cut off without its newline
         */
        void line(byte[] buf, int off, int len, long lineNumber, boolean endsWithNewline);

        /** A line longer than {@link #MAX_LINE_BYTES}: skipped. */
        void oversizedLine(long lineNumber, long length);
    }

    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private long bytesRead;

    public LineReader(InputStream in) {
        this.in = in;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** Reads to the end of the stream. An IOException leaves all lines before it delivered. */
    public void readAll(LineHandler handler) throws IOException {
        long lineNumber = 0;
        int start = 0;      // start of the current line in buf
        int end = 0;        // end of valid data in buf
        int scan = 0;       // where to continue looking for '\n'
        boolean skipping = false;   // inside an oversized line
        long skippedLength = 0;
        while (true) {
            int nl = indexOf(buf, scan, end);
            if (nl >= 0) {
                lineNumber++;
                if (skipping) {
                    handler.oversizedLine(lineNumber, skippedLength + (nl - start));
                    skipping = false;
                    skippedLength = 0;
                } else {
                    int len = nl - start;
                    if (len > 0 && buf[nl - 1] == '\r') {
                        len--;
                    }
                    handler.line(buf, start, len, lineNumber, true);
                }
                start = nl + 1;
                scan = start;
                continue;
            }
            // No newline in [scan, end): make room and read more.
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                if (skipping || buf.length >= MAX_LINE_BYTES) {
                    skipping = true;
                    skippedLength += end;
                    end = 0;
                } else {
                    buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
                }
            }
            scan = end;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            bytesRead += n;
            end += n;
        }
        if (skipping) {
            handler.oversizedLine(lineNumber + 1, skippedLength + end);
        } else if (end > start) {
            handler.line(buf, start, end - start, lineNumber + 1, false);
        }
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
