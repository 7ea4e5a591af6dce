package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A partitioned table read without partition pruning: 30 days of web events, one directory per
 * day ({@code day=2024-06-01/}), and a daily report that selects its day through
 * {@code to_date(event_ts)}. Spark can only prune on predicates over the partition column, so the
 * scan lists and reads all 30 days (its plan shows {@code PartitionFilters: []}) and filters the
 * rows afterwards. The fix is in the query: {@code day = DATE'2024-06-30'} (see
 * {@link #FIXED_FILTER}), which reads one directory.
 *
 * <p>Sizing: the rule needs 1 GiB of files from 10+ partitions; the table holds 2.3 GiB (300,000
 * events of 8 KiB), so that reading it costs clearly more than run-to-run noise: measured on 2
 * shared cores, the unpruned report's run took 10.6 task core-seconds against the pruned one's 4.2
 * (session start and query compilation are most of those 4), where with 1.2 GiB the difference
 * was within the noise. Each event carries a JSON body with a
 * repeated filler (the bytes matter, not their content), and the table is written uncompressed
 * without dictionary encoding, so the bytes on disk are the bytes in memory and generating them
 * costs little CPU (compressed, the filler would shrink to nothing). The report sums the body's
 * length, so the unpruned query really reads all the bytes it lists. Each day is written by its
 * own job, as a daily ingest would: one partitioned write of the whole table would first sort
 * 2.3 GiB by day.
 *
 * <p>The ingest runs once per output directory (about two thirds of a first run): the data is
 * deterministic, and a marker file written after the last day says the table is complete. Later
 * runs, such as {@code --verify-fixes}' before and after runs, read the existing table, as a
 * production report reads a table another job wrote.
 */
public final class PartitionPruningScenario implements Scenario {

    static final int DAYS = 30;
    static final long EVENTS_PER_DAY = 10_000;
    static final int BODY_FILLER_CHARS = 8_250;
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 6, 1);
    static final LocalDate REPORT_DAY = FIRST_DAY.plusDays(DAYS - 1);

    /** The injected mistake: the day through a function of the event time, not the partition column. */
    static final String FILTER = "to_date(event_ts) = DATE'" + REPORT_DAY + "'";

    /** The fix: the same day on the partition column, which Spark prunes before listing files. */
    static final String FIXED_FILTER = "day = DATE'" + REPORT_DAY + "'";

    /** Spark ignores files whose names start with "_" when it reads the table. */
    private static final String MARKER = "_INGESTED";

    private final boolean fixed;

    public PartitionPruningScenario() {
        this(false);
    }

    /** @param fixed run {@link #FIXED_FILTER} instead, for {@code --verify-fixes} */
    public PartitionPruningScenario(boolean fixed) {
        this.fixed = fixed;
    }

    @Override
    public String name() {
        return "partition-pruning";
    }

    @Override
    public String description() {
        return fixed ? "the daily report filters on the partition column (" + FIXED_FILTER + "): one day read"
                : "a daily report on a 30-day partitioned table filters on to_date(event_ts): all 30 days read";
    }

    @Override
    public Optional<Scenario> codeFixed() {
        return fixed ? Optional.empty() : Optional.of(new PartitionPruningScenario(true));
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("sql.scan-no-partition-filter");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        Path events = dataDir.resolve("events");
        if (!ingested(events)) {
            step(spark, "ingest " + DAYS + " days of events (2.3 GiB of Parquet)", () -> {
                deleteMarker(events);
                for (int d = 0; d < DAYS; d++) {
                    writeDay(spark, events, FIRST_DAY.plusDays(d), d);
                }
                markIngested(events);
            });
        }
        spark.read().parquet(events.toString()).createOrReplaceTempView("events");
        String report = "daily report (filter on " + (fixed ? "the partition column" : "to_date(event_ts)") + ")";
        step(spark, report, () -> spark.sql("SELECT event_type, count(*) AS events, sum(length(body)) AS body_bytes"
                + " FROM events WHERE " + (fixed ? FIXED_FILTER : FILTER) + " GROUP BY event_type").collectAsList());
    }

    private static void writeDay(SparkSession spark, Path events, LocalDate day, int dayIndex) {
        long first = dayIndex * EVENTS_PER_DAY;
        String secondOfDay = DemoData.uniform("id", 21, 86_400);
        String eventType = DemoData.pick("array('view', 'click', 'search', 'purchase')", 4, "id", 23);
        spark.range(first, first + EVENTS_PER_DAY, 1, 2).selectExpr(
                        "id AS event_id",
                        "timestamp_seconds(unix_seconds(TIMESTAMP'" + day + " 00:00:00') + " + secondOfDay + ") AS event_ts",
                        DemoData.uniform("id", 22, 100_000) + " AS user_id",
                        eventType + " AS event_type",
                        "concat('{\"event_id\":', id, ',\"filler\":\"', repeat('x', " + BODY_FILLER_CHARS
                                + "), '\"}') AS body")
                .write().mode(SaveMode.Overwrite)
                // Uncompressed and without dictionaries: 8 KiB of filler stays 8 KiB on disk.
                .option("compression", "none")
                .option("parquet.enable.dictionary", "false")
                .parquet(events.resolve("day=" + day).toString());
    }

    /**
     * Whether an earlier run in this output directory already wrote this exact table (the data is
     * deterministic). The marker names the table's shape; it is deleted before an ingest and written
     * after its last day, so a run killed mid-ingest leaves none and the next run rewrites every day.
     */
    private static boolean ingested(Path events) {
        try {
            Path marker = events.resolve(MARKER);
            return Files.isRegularFile(marker) && Files.readString(marker).equals(tableShape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + events.resolve(MARKER), e);
        }
    }

    private static void deleteMarker(Path events) {
        try {
            Files.deleteIfExists(events.resolve(MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + events.resolve(MARKER), e);
        }
    }

    private static void markIngested(Path events) {
        try {
            Files.writeString(events.resolve(MARKER), tableShape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + events.resolve(MARKER), e);
        }
    }

    private static String tableShape() {
        return DAYS + " days from " + FIRST_DAY + ", " + EVENTS_PER_DAY + " events a day, " + BODY_FILLER_CHARS
                + " filler characters, seed " + DemoData.SEED + "\n";
    }
}
