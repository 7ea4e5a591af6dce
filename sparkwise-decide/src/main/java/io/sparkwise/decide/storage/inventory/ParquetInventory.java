package io.sparkwise.decide.storage.inventory;

import io.sparkwise.decide.storage.S3StorageClass;
import io.sparkwise.decide.storage.StoredObject;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * S3 Inventory Parquet files, read with embedded DuckDB (already the benchmark's engine: one jar,
 * no Hadoop). Columns by their Parquet names ({@code bucket, key, size, last_modified_date,
 * storage_class}, optional {@code is_delete_marker}); keys are not URL-encoded in this format.
 * The driver loads only when a Parquet inventory is read, so other commands never pay for it.
 */
final class ParquetInventory implements Inventory {

    private static final List<String> REQUIRED = List.of("bucket", "key", "size", "last_modified_date", "storage_class");

    private final List<Path> files;
    private final String description;

    ParquetInventory(List<Path> files, String description) {
        this.files = List.copyOf(files);
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> assumptions() {
        return List.of();
    }

    @Override
    public void forEach(Consumer<StoredObject> sink) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path file : files) {
                read(duckdb, file, sink);
            }
        } catch (SQLException e) {
            throw new SparkwiseException(ErrorCode.READ_FAILED, "cannot start DuckDB to read Parquet: " + e.getMessage(), e);
        }
    }

    private static void read(Connection duckdb, Path file, Consumer<StoredObject> sink) {
        String source = "read_parquet('" + file.toString().replace("'", "''") + "')";
        try (Statement s = duckdb.createStatement()) {
            List<String> columns = columns(s, source, file);
            String deleteMarker = columns.contains("is_delete_marker") ? "coalesce(is_delete_marker, false)" : "false";
            try (ResultSet rs = s.executeQuery("SELECT bucket, key, size, epoch_ms(last_modified_date), storage_class, "
                    + deleteMarker + " FROM " + source)) {
                long row = 0;
                while (rs.next()) {
                    row++;
                    if (!rs.getBoolean(6)) {
                        sink.accept(object(rs, file + ": row " + row));
                    }
                }
            }
        } catch (SQLException e) {
            throw new SparkwiseException(ErrorCode.MALFORMED_INPUT, file + ": not a readable Parquet inventory ("
                    + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static List<String> columns(Statement s, String source, Path file) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new SparkwiseException(ErrorCode.MALFORMED_INPUT, file + ": the inventory lacks the columns "
                    + String.join(", ", missing) + " (has: " + String.join(", ", columns) + ")");
        }
        return columns;
    }

    private static StoredObject object(ResultSet rs, String where) throws SQLException {
        long size = rs.getLong(3);
        if (rs.wasNull() || size < 0) {
            throw CsvInventory.malformed(where, "size is " + (rs.wasNull() ? "missing" : "negative: " + size));
        }
        long modified = rs.getLong(4);
        if (rs.wasNull()) {
            throw CsvInventory.malformed(where, "last_modified_date is missing");
        }
        String className = String.valueOf(rs.getString(5));
        S3StorageClass storageClass = S3StorageClass.fromInventory(className).orElseThrow(() -> CsvInventory.malformed(where,
                "unknown storage class '" + className + "' (expected one of " + S3StorageClass.names() + ")"));
        return new StoredObject(String.valueOf(rs.getString(1)), String.valueOf(rs.getString(2)), size,
                Instant.ofEpochMilli(modified), storageClass);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
