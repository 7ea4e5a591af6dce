package io.sparkwise.bench.crossover;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Embedded DuckDB in this JVM (JDBC, in-memory database), limited to the benchmark's cores. */
final class DuckDbEngine implements Engine {

    private final Connection connection;

    DuckDbEngine(int threads, String memoryLimit) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + memoryLimit + "'");
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public void register(CrossoverData data) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // Views over the files, like Spark's: every query reads Parquet from disk (page cache).
            s.execute(String.format(Locale.ROOT, "CREATE OR REPLACE VIEW facts AS SELECT * FROM read_parquet('%s')", data.facts()));
            s.execute(String.format(Locale.ROOT, "CREATE OR REPLACE VIEW customers AS SELECT * FROM read_parquet('%s')", data.customers()));
        }
    }

    @Override
    public List<String> run(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(Engine.normalize(rs.getObject(c)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
