package io.sparkwise.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.history.EventLogFileWriter;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Writes the benchmark's event logs into a cache directory outside the repository, once:
 *
 * <ul>
 *   <li>{@code plain/<appId>}: a real Spark 4 application ({@link BenchWorkload}, local[2]),
 *       uncompressed JSON lines, several hundred MB;
 *   <li>{@code zstd/<appId>.zstd}: the same events, zstd-compressed;
 *   <li>{@code rolling/eventlog_v2_<appId>/events_<n>_<appId>}: the same events, rolled every
 *       128 MiB.
 * </ul>
 *
 * <p>The two variants are the plain log's lines written again through Spark's own
 * {@link EventLogFileWriter} (the class {@code EventLoggingListener} writes with) configured with
 * {@code spark.eventLog.compression.codec=zstd} or {@code spark.eventLog.rolling.*}: the codec
 * framing and the file rolling are Spark's own, and the events are the very same ones, so the
 * three timings compare the container formats and nothing else (running the workload three times
 * would triple the generation time and give three different logs).
 *
 * <p>Prints {@code LOG <variant> <path>} per log on stdout; progress goes to stderr.
 */
public final class GenerateLog {

    static final String USAGE = "usage: GenerateLog [--cache DIR] [--rounds N] [--partitions N]"
            + " [--rdd-jobs N] [--rdd-slices N] [--rows N] [--force]";

    /** Marker file in {@code plain/}: the name of the log a run finished writing. */
    static final String COMPLETE = ".complete";

    private GenerateLog() {}

    public static void main(String[] args) throws IOException {
        Path cache = defaultCache();
        int rounds = 3;
        int partitions = 800;
        int rddJobs = 9;
        int rddSlices = 3000;
        long rows = 1_500_000;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Paths.get(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                case "--rdd-jobs" -> rddJobs = Integer.parseInt(args[++i]);
                case "--rdd-slices" -> rddSlices = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--force" -> force = true;
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        cache = cache.toAbsolutePath().normalize();
        Path plainDir = cache.resolve("plain");
        Optional<Path> existing = force ? Optional.empty() : finishedLog(plainDir);
        Path plain;
        if (existing.isPresent()) {
            plain = existing.get();
            System.err.println("generate: reusing " + plain);
        } else {
            // Only our own subdirectories: the cache may be a directory the user also keeps other things in.
            for (String sub : List.of("plain", "zstd", "rolling", "work")) {
                deleteTree(cache.resolve(sub));
            }
            Files.createDirectories(plainDir);
            long start = System.nanoTime();
            plain = runWorkload(plainDir, cache.resolve("work"), rounds, partitions, rddJobs, rddSlices, rows);
            deleteTree(cache.resolve("work"));
            Files.writeString(plainDir.resolve(COMPLETE), plain.getFileName().toString());
            System.err.printf("generate: %s, %.1f MB, in %.0f s%n", plain, Files.size(plain) / 1e6,
                    (System.nanoTime() - start) / 1e9);
        }
        String appId = plain.getFileName().toString();
        Path zstd = variant(cache.resolve("zstd"), plain, appId, "zstd");
        Path rolling = variant(cache.resolve("rolling"), plain, appId, "rolling");
        System.out.println("LOG plain " + plain);
        System.out.println("LOG zstd " + zstd);
        System.out.println("LOG rolling " + rolling);
    }

    static Path defaultCache() {
        String override = System.getenv("SPARKWISE_BENCH_CACHE");
        if (override != null && !override.isBlank()) {
            return Paths.get(override);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "sparkwise-bench");
    }

    private static Path runWorkload(Path logDir, Path workDir, int rounds, int partitions, int rddJobs,
            int rddSlices, long rows) {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("sparkwise-bench")
                .config("spark.eventLog.enabled", "true")
                .config("spark.eventLog.dir", logDir.toUri().toString())
                .config("spark.eventLog.compress", "false")
                .config("spark.eventLog.rolling.enabled", "false")
                .config("spark.ui.enabled", "false")
                .config("spark.default.parallelism", Integer.toString(partitions))
                // A small unified memory region, so the big sort and the aggregations spill.
                .config("spark.memory.fraction", "0.05")
                .config("spark.sql.warehouse.dir", workDir.resolve("warehouse").toUri().toString())
                .config("spark.local.dir", workDir.resolve("local").toString())
                .getOrCreate();
        String appId = spark.sparkContext().applicationId();
        try {
            BenchWorkload.run(spark, rounds, partitions, rddJobs, rddSlices, rows);
        } finally {
            spark.stop(); // writes ApplicationEnd and renames the .inprogress file
        }
        return logDir.resolve(appId);
    }

    /**
     * The plain log a previous run finished, named by the marker written after the workload
     * returned: an interrupted run leaves a log that looks finished (Spark's shutdown hook stops
     * the context and renames the {@code .inprogress} file) but holds only part of the workload.
     */
    static Optional<Path> finishedLog(Path dir) throws IOException {
        Path marker = dir.resolve(COMPLETE);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        Path log = dir.resolve(Files.readString(marker).trim());
        return Files.isRegularFile(log) ? Optional.of(log) : Optional.empty();
    }

    /** Writes the plain log's lines again through Spark's writer with the variant's settings. */
    private static Path variant(Path dir, Path plain, String appId, String kind) throws IOException {
        Path expected = "zstd".equals(kind) ? dir.resolve(appId + ".zstd")
                : dir.resolve("eventlog_v2_" + appId);
        Path done = dir.resolve(".done");
        if (Files.exists(done) && Files.exists(expected)) {
            return expected;
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        SparkConf conf = new SparkConf(false)
                .set("spark.eventLog.compress", Boolean.toString("zstd".equals(kind)))
                .set("spark.eventLog.compression.codec", "zstd")
                .set("spark.eventLog.rolling.enabled", Boolean.toString("rolling".equals(kind)))
                .set("spark.eventLog.rolling.maxFileSize", "128m");
        long start = System.nanoTime();
        EventLogFileWriter writer = EventLogFileWriter.apply(appId, Option.empty(), dir.toUri(), conf,
                new Configuration());
        writer.start();
        try (BufferedReader in = Files.newBufferedReader(plain, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                writer.writeEvent(line, false);
            }
        }
        writer.stop();
        Files.createFile(done);
        System.err.printf("generate: %s variant in %.1f s%n", kind, (System.nanoTime() - start) / 1e9);
        return expected;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
