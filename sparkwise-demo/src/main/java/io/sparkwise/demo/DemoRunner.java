package io.sparkwise.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one scenario in its own SparkSession (local or local-cluster) with event logging on, so each scenario is one
 * Spark application and one event log.
 *
 * <p>Layout under the output directory: {@code eventlogs/} (one plain-JSON file per application,
 * named by Spark after the application id), {@code data/<scenario>/} (Parquet the scenario writes).
 */
public final class DemoRunner {

    private DemoRunner() {}

    public static Path eventLogDir(Path outDir) {
        return outDir.resolve("eventlogs");
    }

    public static DemoRun run(Scenario scenario, Path outDir) {
        return run(scenario, outDir, Map.of());
    }

    /**
     * @param extraConf Spark settings applied after the scenario's own {@link Scenario#sessionConfig()}:
     *     a fix to verify overrides the injected problem
     */
    public static DemoRun run(Scenario scenario, Path outDir, Map<String, String> extraConf) {
        Path out = outDir.toAbsolutePath().normalize();
        Path logDir = createDirectories(eventLogDir(out));
        Path dataDir = createDirectories(out.resolve("data").resolve(scenario.name()));
        long start = System.nanoTime();
        SparkSession spark = session(scenario, out, logDir, extraConf);
        String appId = spark.sparkContext().applicationId();
        try {
            scenario.run(spark, dataDir);
        } finally {
            // stop() writes SparkListenerApplicationEnd and renames the .inprogress file.
            spark.stop();
        }
        Path eventLog = findEventLog(logDir, appId);
        return new DemoRun(scenario.name(), appId, eventLog,
                Duration.ofNanos(System.nanoTime() - start));
    }

    static SparkSession session(Scenario scenario, Path out, Path logDir, Map<String, String> extraConf) {
        Cluster cluster = scenario.cluster().fitting(extraConf);
        SparkSession.Builder builder = SparkSession.builder()
                .master(cluster.master())
                .appName("sparkwise-demo-" + scenario.name())
                .config("spark.eventLog.enabled", "true")
                .config("spark.eventLog.dir", logDir.toUri().toString())
                // Spark 4 compresses event logs (zstd) by default; the baseline stays plain JSON
                // lines so a person can read it and tests can grep it.
                .config("spark.eventLog.compress", "false")
                .config("spark.eventLog.rolling.enabled", "false")
                .config("spark.ui.enabled", "false")
                // 8, not the default 200: 200 near-empty tasks per shuffle would dominate a small
                // workload and would itself be a finding.
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.default.parallelism", "4")
                // Keep the warehouse inside the output directory, not in the caller's cwd.
                .config("spark.sql.warehouse.dir", out.resolve("warehouse").toUri().toString());
        if (!cluster.isLocal()) {
            builder.config("spark.executor.extraClassPath", SparkHome.prepare())
                    .config("spark.executor.memory", cluster.executorMemoryMb() + "m")
                    .config("spark.executor.cores", String.valueOf(cluster.coresPerExecutor()))
                    // The executors' JVMs need the same --add-opens as ours on Java 17.
                    .config("spark.executor.extraJavaOptions", JvmOptions.asString());
        }
        scenario.sessionConfig().forEach(builder::config);
        extraConf.forEach(builder::config);
        return builder.getOrCreate();
    }

    /**
     * Spark names the file after the application id (plus attempt and codec suffixes when there
     * are any); the listing avoids re-deriving that naming rule here.
     */
    static Path findEventLog(Path logDir, String appId) {
        try (Stream<Path> files = Files.list(logDir)) {
            List<Path> matches = files
                    .filter(p -> p.getFileName().toString().startsWith(appId))
                    .filter(p -> !p.getFileName().toString().endsWith(".inprogress"))
                    .collect(Collectors.toList());
            if (matches.size() != 1) {
                throw new IllegalStateException("expected one finished event log for " + appId
                        + " in " + logDir + ", found " + matches);
            }
            return matches.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + logDir, e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
