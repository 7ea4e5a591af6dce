package io.sparkwise.eventlog.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decompresses on its own thread: a producer reads the decoder into chunks while the caller parses
 * the previous ones, so a compressed log uses both cores. A decoding error is delivered after every
 * chunk decoded before it, so no readable line is lost to a corrupt tail.
 */
public final class ReadAheadInputStream extends InputStream {

    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS_AHEAD = 4;

    /** A chunk, or the end (empty data), or a failure. */
    private record Chunk(byte[] data, int length, IOException error) {
    }

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread producer;
    private Chunk current;
    private int position;
    private volatile boolean closed;

    public ReadAheadInputStream(InputStream decoder, String name) {
        producer = new Thread(() -> produce(decoder), "sparkwise-decode-" + name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(InputStream decoder) {
        try (decoder) {
            while (!closed) {
                byte[] buf = new byte[CHUNK];
                int filled = 0;
                try {
                    while (filled < CHUNK) {
                        int n = decoder.read(buf, filled, CHUNK - filled);
                        if (n < 0) {
                            break;
                        }
                        filled += n;
                    }
                } catch (IOException e) {
                    if (filled > 0) {
                        queue.put(new Chunk(buf, filled, null));   // what decoded before the error
                    }
                    throw e;
                }
                if (filled > 0) {
                    queue.put(new Chunk(buf, filled, null));
                }
                if (filled < CHUNK) {
                    break;
                }
            }
            queue.put(new Chunk(new byte[0], 0, null));
        } catch (IOException e) {
            putQuietly(new Chunk(new byte[0], 0, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // e.g. a native decoder that cannot load: report it to the reader, not to the void
            putQuietly(new Chunk(new byte[0], 0, new IOException("decoder failed: " + e, e)));
        }
    }

    private void putQuietly(Chunk chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        if (current == null || position == current.length()) {
            if (current != null && current.length() == 0) {
                return -1;   // end already seen
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading", e);
            }
            position = 0;
            if (current.error() != null) {
                IOException error = current.error();
                current = new Chunk(new byte[0], 0, null);
                throw error;
            }
            if (current.length() == 0) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        producer.interrupt();
    }
}
