package io.sparkwise.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How a server runs.
 *
 * @param eventLogDirs directories (or Hadoop file system URIs) to ingest logs from
 * @param jdbcUrl the database; {@link #defaultJdbcUrl()} for the embedded H2 file
 * @param bind the address to listen on; loopback by default, as the API has no authentication yet
 * @param port the port; 0 for any free one
 * @param rescanInterval time between the end of one scan and the start of the next; zero: scan once
 * @param ingestThreads logs analyzed at the same time
 */
public record ServerConfig(List<String> eventLogDirs, String jdbcUrl, String bind, int port, Duration rescanInterval,
                           int ingestThreads) {

    public static final int DEFAULT_PORT = 18090;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final Duration DEFAULT_RESCAN = Duration.ofSeconds(30);
    public static final int DEFAULT_INGEST_THREADS = 2;

    public ServerConfig {
        eventLogDirs = List.copyOf(eventLogDirs);
        if (eventLogDirs.isEmpty()) {
            throw new IllegalArgumentException("no event log directory");
        }
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(bind, "bind is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        requireNonNull(rescanInterval, "rescanInterval is null");
        if (rescanInterval.isNegative()) {
            throw new IllegalArgumentException("rescanInterval is negative: " + rescanInterval);
        }
        if (ingestThreads < 1) {
            throw new IllegalArgumentException("ingestThreads must be at least 1: " + ingestThreads);
        }
    }

    /** The embedded H2 database in file mode under {@code ~/.sparkwise/server}: nothing to set up. */
    public static String defaultJdbcUrl() {
        return h2File(Path.of(System.getProperty("user.home"), ".sparkwise", "server", "sparkwise"));
    }

    /** An H2 database in file mode at {@code file} (H2 adds {@code .mv.db}). */
    public static String h2File(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath();
    }
}
