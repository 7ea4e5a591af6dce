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
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Many small input files: an ingest service dropped orders as 4000 JSON-lines files of 100 rows
 * (one per minute). Spark packs small files into splits, but each file counts at least
 * {@code spark.sql.files.openCostInBytes} (4 MiB), so a split holds about 31 of them: the read is
 * about 130 tasks that each open 31 files to read a few KiB from each.
 *
 * <p>The files are written by plain Java, not Spark: Spark's committer needs about 30 ms per file
 * on two busy cores (measured: 2400 Parquet files in 80 s), which would make the setup, not the
 * problem, the cost of this scenario. The rows are seeded, as everywhere in the demo.
 */
public final class SmallFilesScenario implements Scenario {

    static final int FILES = 4000;
    static final int ROWS_PER_FILE = 100;
    static final long CUSTOMERS = 20_000;

    static final String SCHEMA = "order_id BIGINT, customer_id BIGINT, amount DECIMAL(12, 2), order_date DATE";

    @Override
    public String name() {
        return "small-files";
    }

    @Override
    public String description() {
        return "orders landed as 4000 JSON files of 100 rows: ~130 read tasks of a few KiB each";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("partitioning.small-files");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        Path landing = dataDir.resolve("landing");
        step(spark, "ingest service lands 4000 small JSON files", () -> writeSmallFiles(landing));
        spark.read().schema(SCHEMA).json(landing.toString()).createOrReplaceTempView("orders");
        step(spark, "revenue per day (reads 4000 files)", () -> spark.sql("""
                SELECT order_date, count(*) AS orders, sum(amount) AS revenue
                FROM orders GROUP BY order_date""")
                .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("daily_revenue").toString()));
    }

    static void writeSmallFiles(Path landing) {
        Random random = new Random(DemoData.SEED);
        LocalDate start = LocalDate.of(2024, 1, 1);
        try {
            Files.createDirectories(landing);
            for (int file = 0; file < FILES; file++) {
                Path path = landing.resolve(String.format(Locale.ROOT, "orders-%05d.json", file));
                try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                    for (int row = 0; row < ROWS_PER_FILE; row++) {
                        long orderId = (long) file * ROWS_PER_FILE + row;
                        out.write(String.format(Locale.ROOT,
                                "{\"order_id\":%d,\"customer_id\":%d,\"amount\":%d.%02d,\"order_date\":\"%s\"}%n",
                                orderId, random.nextInt((int) CUSTOMERS), random.nextInt(1000), random.nextInt(100),
                                start.plusDays(file * 366L / FILES)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the landing files under " + landing, e);
        }
    }
}
