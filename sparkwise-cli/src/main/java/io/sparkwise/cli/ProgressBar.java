package io.sparkwise.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress display on stderr for inputs that take more than a couple of seconds: bytes
 * read of the total, rate and time left. Quiet for fast inputs, so small logs print nothing extra.
 * Only used when the terminal is interactive and --quiet is off. One display covers a whole run:
 * workers reading logs in parallel all {@link #advance} it.
 */
final class ProgressBar implements AutoCloseable {

    static final long SHOW_AFTER_MS = 2_000;
    private static final long REFRESH_MS = 250;

    private final PrintWriter err;
    private final String name;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile boolean running = true;
    private boolean shown;

    ProgressBar(PrintWriter err, String name, long total) {
        this.err = err;
        this.name = name;
        this.total = total;
        this.ticker = new Thread(this::tick, "sparkwise-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    void advance(long bytes) {
        done.addAndGet(bytes);
    }

    private void tick() {
        try {
            Thread.sleep(SHOW_AFTER_MS);
            while (running) {
                print();
                Thread.sleep(REFRESH_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void print() {
        if (!running) {
            return;
        }
        shown = true;
        err.print("\r" + line(done.get(), total, (System.nanoTime() - start) / 1_000_000, name));
        err.flush();
    }

    /** The progress line, e.g. "reading x.zstd: 120.0 MiB / 480.0 MiB (25%), 60.0 MiB/s, 6 s left". */
    static String line(long done, long total, long elapsedMs, String name) {
        double rate = elapsedMs <= 0 ? 0 : done / (elapsedMs / 1000.0);
        StringBuilder s = new StringBuilder("reading ").append(name).append(": ").append(mib(done));
        if (total > 0) {
            s.append(" / ").append(mib(total))
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
        }
        s.append(String.format(Locale.ROOT, ", %.1f MiB/s", rate / (1 << 20)));
        if (total > 0 && rate > 0 && done < total) {
            s.append(String.format(Locale.ROOT, ", %d s left", Math.round((total - done) / rate)));
        }
        return s.append("   ").toString();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    /** Prints a line on stderr, the progress line cleared first; the next refresh draws it again below. */
    synchronized void println(String line) {
        if (shown) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
        err.println(line);
        err.flush();
    }

    @Override
    public synchronized void close() {
        running = false;
        ticker.interrupt();
        if (shown) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
