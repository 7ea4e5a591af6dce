package io.sparkwise.cli;

import io.sparkwise.model.spark.SparkDurations;
import io.sparkwise.server.ServerConfig;
import io.sparkwise.server.SparkwiseServer;
import io.sparkwise.server.ingest.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code sparkwise serve}: keeps every run in a database and serves the History Server's REST API over it. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Ingests the event logs of the directories into a database (each log read once, re-read only when it",
            "changes), and serves the History Server's REST API and Sparkwise's findings from it until stopped:",
            "  GET /api/v1/applications[?status=completed|running][&limit=N], /api/v1/applications/{id},",
            "  /api/v1/sparkwise/applications/{id}[/{attemptId}]/findings, /api/v1/sparkwise/logs.",
            "First slice of issue 18: jobs, stages, executors, SQL, regressions and the dashboard come next."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped",
            "2:usage error (bad value, an address other than loopback, the port in use)",
            "3:the database cannot be opened",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--event-log-dir", paramLabel = "DIR", split = ",", required = true,
            description = "Directories of event logs (local, or Hadoop file system URIs as for analyze), comma-separated.")
    List<String> eventLogDirs;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The database. Default: an H2 file under ~/.sparkwise/server.")
    String db;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "Port of the REST API; 0 for any free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_BIND,
            description = "Address to listen on: loopback only until the API has authentication. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--rescan-interval", paramLabel = "TIME", defaultValue = "30s",
            description = "Time between scans of the directories, in Spark's syntax (30s, 5min); 0: scan once. Default: ${DEFAULT-VALUE}.")
    String rescanInterval;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_INGEST_THREADS,
            description = "Logs analyzed at the same time. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        OptionalLong rescanMs = SparkDurations.parseMs(rescanInterval, TimeUnit.SECONDS);
        if (rescanMs.isEmpty()) {
            return usage(err, "--rescan-interval: not a time: " + rescanInterval);
        }
        if (!isLoopback(bind)) {
            return usage(err, "--bind " + bind + ": only a loopback address for now (the API has no authentication yet)");
        }
        ServerConfig config;
        try {
            config = new ServerConfig(eventLogDirs, db != null ? db : ServerConfig.defaultJdbcUrl(), bind, port,
                    Duration.ofMillis(rescanMs.getAsLong()), threads);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        SparkwiseServer server;
        try {
            server = SparkwiseServer.start(config, summary -> report(err, summary));
        } catch (SQLException e) {
            err.println("sparkwise: cannot open the database " + config.jdbcUrl() + ": " + e.getMessage());
            return ExitCodes.NO_INPUT;
        } catch (IOException e) {
            return usage(err, "cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(server);
            stopped.countDown();
        }, "sparkwise-serve-stop"));
        err.println("sparkwise: serving http://" + bind + ":" + server.port() + "/api/v1/applications"
                + " (database " + config.jdbcUrl() + "; Ctrl-C stops)");
        err.flush();
        if (config.rescanInterval().isZero()) {
            try {
                report(err, server.scan());
            } catch (SQLException e) {
                err.println("sparkwise: scan failed: " + e.getMessage());
            }
        }
        stopped.await();
        return ExitCodes.OK;
    }

    private static void report(PrintWriter err, ScanSummary summary) {
        if (summary.analyzed() + summary.failed() > 0 || !summary.problems().isEmpty()) {
            err.println("sparkwise: scanned " + summary.found() + " logs: " + summary.analyzed() + " analyzed, "
                    + summary.failed() + " failed, " + summary.unchanged() + " unchanged");
            summary.problems().forEach(p -> err.println("sparkwise: " + p));
            err.flush();
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void closeQuietly(SparkwiseServer server) {
        try {
            server.close();
        } catch (SQLException e) {
            // stopping anyway: H2 recovers a file database that was not closed cleanly
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("sparkwise serve: " + message);
        return ExitCodes.USAGE;
    }
}
