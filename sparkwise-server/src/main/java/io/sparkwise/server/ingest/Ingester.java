package io.sparkwise.server.ingest;

import io.sparkwise.model.JobIdentity;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.eventlog.source.LogPart;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.server.db.ApplicationStore;
import io.sparkwise.server.db.LogFileRow;
import io.sparkwise.server.db.LogFingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * Finds the logs in the event-log directories and stores each new or changed one (by path, size
 * and modification time) analyzed by the engine, a log per worker thread. A log that cannot be
 * analyzed is stored as failed, with why, and never stops the others; a scan that finds nothing
 * new writes nothing, so scanning again and again is safe.
 */
public final class Ingester implements AutoCloseable {

    private final Sparkwise sparkwise;
    private final ApplicationStore store;
    private final List<String> eventLogDirs;
    private final AnalysisOptions options;
    private final ExecutorService workers;
    private final Clock clock;

    public Ingester(Sparkwise sparkwise, ApplicationStore store, List<String> eventLogDirs, int threads, Clock clock) {
        this.sparkwise = requireNonNull(sparkwise, "sparkwise is null");
        this.store = requireNonNull(store, "store is null");
        this.eventLogDirs = List.copyOf(eventLogDirs);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.options = AnalysisOptions.defaults();
        this.clock = requireNonNull(clock, "clock is null");
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sparkwise-ingest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One pass over the directories; returns when every new or changed log is stored. */
    public synchronized ScanSummary scan() throws SQLException, InterruptedException {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<LogInput> logs = new ArrayList<>();
        for (String dir : eventLogDirs) {
            try {
                logs.addAll(sparkwise.discover(dir));
            } catch (SparkwiseException e) {
                problems.add(dir + ": " + e.getMessage());
            }
        }
        Map<String, LogFileRow> known = store.logFiles();
        List<Future<Boolean>> pending = new ArrayList<>();
        int unchanged = 0;
        for (LogInput log : logs) {
            LogFingerprint fingerprint = fingerprint(log);
            LogFileRow row = known.get(fingerprint.sourcePath());
            if (row != null && row.fingerprint().equals(fingerprint)) {
                unchanged++;
                continue;
            }
            pending.add(workers.submit(() -> ingest(log, fingerprint, problems)));
        }
        int analyzed = 0;
        int failed = 0;
        for (Future<Boolean> f : pending) {
            try {
                if (f.get()) {
                    analyzed++;
                } else {
                    failed++;
                }
            } catch (ExecutionException e) {
                failed++;
                problems.add("internal error: " + e.getCause());
            }
        }
        return new ScanSummary(logs.size(), unchanged, analyzed, failed, problems);
    }

    /** True when analyzed and stored, false when stored as failed (or not stored at all). */
    private boolean ingest(LogInput log, LogFingerprint fingerprint, List<String> problems) {
        long now = clock.millis();
        String code;
        String message;
        try {
            AnalysisResult result = sparkwise.analyze(log, options);
            store.storeAnalyzed(fingerprint, result, JobIdentity.of(result.application()), now);
            return true;
        } catch (SparkwiseException e) {
            code = e.code().name();
            message = e.getMessage();
        } catch (SQLException e) {
            code = "NOT_STORED";
            message = "cannot store the analysis: " + e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            // A bug on one log must not stop the others: kept with the log, to be reported.
            code = "INTERNAL";
            message = e.toString();
        }
        try {
            store.storeFailed(fingerprint, code, message, now);
        } catch (SQLException e) {
            problems.add(fingerprint.sourcePath() + ": cannot store: " + e.getMessage());
        }
        return false;
    }

    /**
     * Size from discovery; modification time from the local file system, the newest of the parts
     * (-1 for a Hadoop URI: discovery does not pass the time on, so there only the size tells).
     */
    static LogFingerprint fingerprint(LogInput log) {
        long modified = -1;
        for (LogPart part : log.parts()) {
            modified = Math.max(modified, modifiedEpoch(part.name()));
        }
        return new LogFingerprint(log.name(), log.size(), modified);
    }

    private static long modifiedEpoch(String name) {
        if (name.contains("://")) {
            return -1;
        }
        try {
            return Files.getLastModifiedTime(Path.of(name)).toMillis();
        } catch (IOException | InvalidPathException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
