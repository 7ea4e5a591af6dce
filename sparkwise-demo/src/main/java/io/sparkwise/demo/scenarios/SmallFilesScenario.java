package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Many small input files: an ingest service flushes its buffer every 100 orders, so 400,000 orders
 * land as 4000 JSON-lines files of 8 KiB, and two reports (revenue per day, per customer) read
 * them. Spark packs small files into splits, but each file counts at least
 * {@code spark.sql.files.openCostInBytes} (4 MiB), so a split holds about 31 of them: each read is
 * about 130 tasks that open 31 files to read a few KiB from each. Two reads, because landed data
 * is read by more than one job: the second read doubles the problem while the setup stays the same.
 *
 * <p>The fix is what {@code partitioning.small-files} says first: files of about 128 MiB, here by
 * the writer ("repartition before writing"): the code-fixed variant's ingest buffers all 32 MiB of
 * the same orders into one file (see {@link #FIXED_FILES}). It is the landing that changes, not a
 * compaction job after it: a compaction reading the 4000 files would pay the small-file read once
 * more in every run. The config part of the advice ({@code spark.sql.files.maxPartitionBytes})
 * packs more files per task but still opens every one of them.
 *
 * <p>The files are written by plain Java, not Spark: Spark's committer needs about 30 ms per file
 * on two busy cores (measured: 2400 Parquet files in 80 s), which would make the setup, not the
 * problem, the cost of this scenario. The rows are seeded, as everywhere in the demo.
 */
public final class SmallFilesScenario implements Scenario {

    static final int FILES = 4000;
    /** The fix: the same orders in files of up to 128 MiB; 400,000 orders make 32 MiB, one file. */
    static final int FIXED_FILES = 1;
    static final int ORDERS = 400_000;
    static final long CUSTOMERS = 20_000;

    static final String SCHEMA = "order_id BIGINT, customer_id BIGINT, amount DECIMAL(12, 2), order_date DATE";

    private final boolean fixed;

    public SmallFilesScenario() {
        this(false);
    }

    /** @param fixed land the orders in {@link #FIXED_FILES} file instead, for {@code --verify-fixes} */
    public SmallFilesScenario(boolean fixed) {
        this.fixed = fixed;
    }

    @Override
    public String name() {
        return "small-files";
    }

    @Override
    public String description() {
        return fixed ? "the same orders landed in one 32 MiB JSON file (ingest buffers up to 128 MiB): 4 read tasks"
                : "orders landed as 4000 JSON files of 100 rows, read by two reports: ~130 read tasks of a few KiB each";
    }

    @Override
    public Optional<Scenario> codeFixed() {
        return fixed ? Optional.empty() : Optional.of(new SmallFilesScenario(true));
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("partitioning.small-files");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        Path landing = dataDir.resolve("landing");
        int files = fixed ? FIXED_FILES : FILES;
        step(spark, "ingest service lands " + files + " JSON file(s)", () -> writeOrders(landing, files));
        spark.read().schema(SCHEMA).json(landing.toString()).createOrReplaceTempView("orders");
        step(spark, "revenue per day (reads " + files + " file(s))", () -> spark.sql("""
                SELECT order_date, count(*) AS orders, sum(amount) AS revenue
                FROM orders GROUP BY order_date""")
                .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("daily_revenue").toString()));
        step(spark, "revenue per customer (reads " + files + " file(s))", () -> spark.sql("""
                SELECT customer_id, count(*) AS orders, sum(amount) AS revenue
                FROM orders GROUP BY customer_id""")
                .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("customer_revenue").toString()));
    }

    /**
     * The same {@link #ORDERS} rows (seeded, in order-id order, dated by order id over 2024) split
     * evenly into {@code files} files; the directory is emptied first, as a run may follow one of the
     * other variant.
     */
    static void writeOrders(Path landing, int files) {
        Random random = new Random(DemoData.SEED);
        LocalDate start = LocalDate.of(2024, 1, 1);
        int rowsPerFile = ORDERS / files;
        try {
            deleteDirectory(landing);
            Files.createDirectories(landing);
            for (int file = 0; file < files; file++) {
                Path path = landing.resolve(String.format(Locale.ROOT, "orders-%05d.json", file));
                try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                    for (int row = 0; row < rowsPerFile; row++) {
                        long orderId = (long) file * rowsPerFile + row;
                        out.write(String.format(Locale.ROOT,
                                "{\"order_id\":%d,\"customer_id\":%d,\"amount\":%d.%02d,\"order_date\":\"%s\"}%n",
                                orderId, random.nextInt((int) CUSTOMERS), random.nextInt(1000), random.nextInt(100),
                                start.plusDays(orderId * 366 / ORDERS)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the landing files under " + landing, e);
        }
    }

    private static void deleteDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
