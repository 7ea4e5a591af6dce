package io.sparkwise.bench.crossover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The benchmark's data: a fact table of {@code rows} rows and a customer dimension a tenth its
 * size, written once as Parquet by DuckDB (fast and deterministic: every value is a function of
 * the row number) and read by both engines from the same files.
 */
record CrossoverData(long rows, Path facts, Path customers) {

    static final int SEGMENTS = 20;
    static final int CATEGORIES = 50;

    static long customersFor(long rows) {
        return Math.max(1_000, rows / 10);
    }

    /** The files for {@code rows} in {@code dir}, generated when missing. */
    static CrossoverData generate(Connection duckdb, Path dir, long rows) throws SQLException, java.io.IOException {
        Files.createDirectories(dir);
        Path facts = dir.resolve("facts_" + rows + ".parquet");
        Path customers = dir.resolve("customers_" + rows + ".parquet");
        long customerCount = customersFor(rows);
        try (Statement s = duckdb.createStatement()) {
            if (!Files.exists(customers)) {
                s.execute(String.format(Locale.ROOT, """
                        COPY (SELECT range AS customer_id, 'segment-' || (range %% %d) AS segment
                              FROM range(%d)) TO '%s' (FORMAT parquet)""", SEGMENTS, customerCount, tmp(customers)));
                Files.move(Path.of(tmp(customers)), customers);
            }
            if (!Files.exists(facts)) {
                // customer_id scatters rows over customers (a multiplicative hash); ts is a
                // permutation-like sequence so the window really sorts.
                s.execute(String.format(Locale.ROOT, """
                        COPY (SELECT range AS id,
                                     (range * 7919) %% %d AS customer_id,
                                     (range * 2654435761) %% 1000000007 AS ts,
                                     CAST(range %% 1000 AS DOUBLE) AS amount,
                                     CAST(range %% %d AS INTEGER) AS category
                              FROM range(%d)) TO '%s' (FORMAT parquet)""",
                        customerCount, CATEGORIES, rows, tmp(facts)));
                Files.move(Path.of(tmp(facts)), facts);
            }
        }
        return new CrossoverData(rows, facts, customers);
    }

    long factBytes() throws java.io.IOException {
        return Files.size(facts);
    }

    private static String tmp(Path file) {
        return file + ".tmp";
    }
}
