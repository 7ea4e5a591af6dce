package io.sparkwise.server;

import io.sparkwise.engine.Sparkwise;
import io.sparkwise.server.api.ApiServer;
import io.sparkwise.server.db.ApplicationStore;
import io.sparkwise.server.db.Database;
import io.sparkwise.server.ingest.Ingester;
import io.sparkwise.server.ingest.ScanSummary;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The Sparkwise server (issue 18): ingests the event-log directories into a database with the
 * engine, and answers the REST API from the database. The first slice: applications, attempts,
 * findings and each whole result stored; {@code /applications} and findings served.
 *
 * <pre>{@code
 * try (SparkwiseServer server = SparkwiseServer.start(config, summary -> { })) {
 *     server.scan();        // or let the rescan interval do it
 *     server.port();
 * }
 * }</pre>
 */
public final class SparkwiseServer implements AutoCloseable {

    /** Threads answering HTTP requests: reads from the database, cheap, never the log. */
    private static final int HTTP_THREADS = 4;

    private final Database database;
    private final Ingester ingester;
    private final ApiServer api;
    private final ScheduledExecutorService rescans;

    private SparkwiseServer(Database database, Ingester ingester, ApiServer api, ScheduledExecutorService rescans) {
        this.database = database;
        this.ingester = ingester;
        this.api = api;
        this.rescans = rescans;
    }

    /**
     * Opens (and migrates) the database, starts answering HTTP, and, with a non-zero rescan
     * interval, scans the directories now and again after each interval, reporting each scan to
     * {@code onScan} (on the scan's thread). With a zero interval nothing is scanned until
     * {@link #scan()}.
     *
     * @throws SQLException when the database cannot be opened or migrated
     * @throws IOException when the address cannot be bound
     */
    public static SparkwiseServer start(ServerConfig config, Consumer<ScanSummary> onScan)
            throws SQLException, IOException {
        requireNonNull(config, "config is null");
        requireNonNull(onScan, "onScan is null");
        Database database = Database.open(config.jdbcUrl());
        ApplicationStore store = new ApplicationStore(database);
        Ingester ingester = new Ingester(new Sparkwise(), store, config.eventLogDirs(), config.ingestThreads(),
                Clock.systemUTC());
        ApiServer api;
        try {
            api = ApiServer.start(store, config.bind(), config.port(), HTTP_THREADS);
        } catch (IOException | RuntimeException e) {
            ingester.close();
            database.close();
            throw e;
        }
        ScheduledExecutorService rescans = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sparkwise-rescan");
            t.setDaemon(true);
            return t;
        });
        SparkwiseServer server = new SparkwiseServer(database, ingester, api, rescans);
        if (!config.rescanInterval().isZero()) {
            rescans.scheduleWithFixedDelay(() -> server.scanQuietly(onScan), 0,
                    config.rescanInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        return server;
    }

    /** Scans the directories once, now; returns when every new or changed log is stored. */
    public ScanSummary scan() throws SQLException, InterruptedException {
        return ingester.scan();
    }

    private void scanQuietly(Consumer<ScanSummary> onScan) {
        try {
            onScan.accept(scan());
        } catch (SQLException | RuntimeException e) {
            // A scan that fails (the database went away) must not end the schedule: the next may work.
            onScan.accept(new ScanSummary(0, 0, 0, 0, java.util.List.of("scan failed: " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port the API answers on (the one chosen when the config asked for 0). */
    public int port() {
        return api.port();
    }

    @Override
    public void close() throws SQLException {
        rescans.shutdownNow();
        api.close();
        ingester.close();
        database.close();
    }
}
