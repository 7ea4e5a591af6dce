package io.sparkwise.model.spark;

import static java.util.Objects.requireNonNull;

import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import java.util.ArrayList;
import java.util.List;

/**
 * Executor cores an application held over time, from each executor's add and remove times: the
 * one computation behind allocated core-seconds (rules, cost, decide, the demo), cores alive in a
 * window (driver gaps), the peak of concurrent cores (over-provisioning, dynamic allocation), the
 * executor timeline chart and the simulator's replay of the real cluster.
 *
 * <p>Edge cases, as the logs have them: an executor the log never removes is alive until the
 * timeline's end; one added before the application's start counts from the start (but is billed
 * from its add time, {@link Lifetime#aliveMs}); one whose removal the log records after the
 * application's end counts until that removal; at the same instant a removal comes before an
 * addition, so a replaced executor does not count twice in the peak.
 *
 * @param startMs the application's start (or the window's, for a chart)
 * @param endMs the application's end: its end time, else its last event
 * @param lifetimes in the order of the executors given
 */
public record ExecutorTimeline(long startMs, long endMs, List<Lifetime> lifetimes) {

    /**
     * One executor's time in the application.
     *
     * @param addMs when Spark added it
     * @param fromMs when it started to count: its add time, or the timeline's start if later
     * @param removeMs when Spark removed it, or the timeline's end when the log records no removal
     */
    public record Lifetime(Executor executor, long addMs, long fromMs, long removeMs) {

        public Lifetime {
            requireNonNull(executor, "executor is null");
            if (fromMs < addMs) {
                throw new IllegalArgumentException("counted from " + fromMs + ", before its add time " + addMs);
            }
        }

        public int cores() {
            return executor.totalCores();
        }

        /** The log records its removal ({@link #removeMs} is the timeline's end otherwise). */
        public boolean removed() {
            return executor.removeTime().isPresent();
        }

        /** Added to removed: what a cluster bills for this executor. */
        public long aliveMs() {
            return Math.max(0, removeMs - addMs);
        }

        /** Cores x time alive within the application. */
        public long coreMs() {
            return Math.max(0, removeMs - fromMs) * (long) cores();
        }
    }

    public ExecutorTimeline {
        // No check that endMs >= startMs: a damaged log can have its last event before its start
        // time, and every quantity here stays defined (alive times are clamped at zero).
        lifetimes = List.copyOf(lifetimes);
    }

    /**
     * The executors that run tasks over the application's life: every executor but the driver, or
     * the driver alone when the log lists no other (local mode, where the driver is the executor).
     */
    public static ExecutorTimeline of(Application app) {
        boolean hasExecutors = app.executors().stream().anyMatch(e -> !e.isDriver());
        List<Executor> executors = hasExecutors
                ? app.executors().stream().filter(e -> !e.isDriver()).toList()
                : app.executors();
        return of(executors, applicationStartMs(app), applicationEndMs(app));
    }

    /** The given executors between {@code startMs} and {@code endMs}. */
    public static ExecutorTimeline of(List<Executor> executors, long startMs, long endMs) {
        List<Lifetime> lifetimes = new ArrayList<>(executors.size());
        for (Executor e : executors) {
            lifetimes.add(new Lifetime(e, e.addTime(), Math.max(startMs, e.addTime()), e.removeTime().orElse(endMs)));
        }
        return new ExecutorTimeline(startMs, endMs, lifetimes);
    }

    /** The application's end: its end time, else the time of its last event (an unfinished log). */
    public static long applicationEndMs(Application app) {
        return app.info().endTime().orElse(app.info().lastEventTime());
    }

    /** The application's start: its start time, else its end minus its duration. */
    public static long applicationStartMs(Application app) {
        long end = applicationEndMs(app);
        return app.info().startTime().orElse(end - Math.max(0, app.info().duration()));
    }

    /** Executor core-milliseconds held: each executor's cores x its time alive within the application. */
    public long coreMs() {
        long total = 0;
        for (Lifetime l : lifetimes) {
            total += l.coreMs();
        }
        return total;
    }

    /** Executor core-milliseconds alive between {@code fromMs} and {@code toMs}. */
    public long coreMs(long fromMs, long toMs) {
        long total = 0;
        for (Lifetime l : lifetimes) {
            long a = Math.max(fromMs, l.addMs());
            long b = Math.min(toMs, l.removeMs());
            total += Math.max(0, b - a) * (long) l.cores();
        }
        return total;
    }

    /** The most cores alive at the same time (a sweep over add and remove times). */
    public int peakCores() {
        List<long[]> events = new ArrayList<>(2 * lifetimes.size());
        for (Lifetime l : lifetimes) {
            events.add(new long[] {l.addMs(), l.cores()});
            events.add(new long[] {l.removeMs(), -l.cores()});
        }
        // removals before additions at the same instant: a replaced executor does not count twice
        events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long current = 0;
        long peak = 0;
        for (long[] event : events) {
            current += event[1];
            peak = Math.max(peak, current);
        }
        return (int) peak;
    }

    /** Cores of all the executors, alive at once or not: an upper bound of {@link #peakCores}. */
    public int totalCores() {
        int cores = 0;
        for (Lifetime l : lifetimes) {
            cores += l.cores();
        }
        return cores;
    }
}
