package io.sparkwise.decide.storage;

import io.sparkwise.decide.storage.inventory.Inventories;
import io.sparkwise.decide.storage.inventory.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryFormatsTest {

    private static List<StoredObject> read(Path path) {
        List<StoredObject> objects = new ArrayList<>();
        Inventory inventory = Inventories.open(path.toString());
        inventory.forEach(objects::add);
        return objects;
    }

    @Test
    void manifest_csvInManifestOrder_decodesKeysAndSkipsDeleteMarkers(@TempDir Path dir) throws IOException {
        Path manifest = InventoryErrorsTest.manifest(dir, "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass",
                List.of("\"src-bucket\",\"logs/a%20b%2Cc.json\",\"v1\",\"true\",\"false\",\"42\",\"2025-06-01T00:00:00.000Z\",\"e1\",\"STANDARD_IA\"",
                        "\"src-bucket\",\"logs/gone\",\"v2\",\"true\",\"true\",\"\",\"2025-06-02T00:00:00.000Z\",\"\",\"\""));

        List<StoredObject> objects = read(manifest);

        assertThat(objects).containsExactly(new StoredObject("src-bucket", "logs/a b,c.json", 42,
                Instant.parse("2025-06-01T00:00:00Z"), S3StorageClass.STANDARD_IA));
    }

    @Test
    void parquet_inventoryColumns_readWithDuckDb(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("inv.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'b' AS bucket, 'd/k' || range AS key, range * 10 AS size, "
                    + "TIMESTAMP '2025-06-01 00:00:00' AS last_modified_date, 'GLACIER_IR' AS storage_class, "
                    + "range = 2 AS is_delete_marker FROM range(3)) TO '" + file + "' (FORMAT parquet)");
        }

        List<StoredObject> objects = read(file);

        assertThat(objects).containsExactly(
                new StoredObject("b", "d/k0", 0, Instant.parse("2025-06-01T00:00:00Z"), S3StorageClass.GLACIER_IR),
                new StoredObject("b", "d/k1", 10, Instant.parse("2025-06-01T00:00:00Z"), S3StorageClass.GLACIER_IR));
    }

    @Test
    void parquet_withoutStorageClass_namesTheMissingColumn(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("inv.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'b' AS bucket, 'k' AS key, 1 AS size, TIMESTAMP '2025-06-01 00:00:00' AS last_modified_date) "
                    + "TO '" + file + "' (FORMAT parquet)");
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(file))
                .hasMessage(file + ": the inventory lacks the columns storage_class (has: bucket, key, size, last_modified_date)");
    }

    @Test
    void directory_listedRecursively_skipsHiddenAndBookkeepingFiles(@TempDir Path dir) throws IOException {
        Path table = Files.createDirectories(dir.resolve("table/date=2025-01-01"));
        Files.write(table.resolve("part-0.parquet"), new byte[100]);
        Files.write(table.resolve(".part-0.parquet.crc"), new byte[8]);
        Files.write(dir.resolve("table/_SUCCESS"), new byte[0]);
        Files.setLastModifiedTime(table.resolve("part-0.parquet"), FileTime.from(Instant.parse("2025-01-02T00:00:00Z")));

        List<StoredObject> objects = read(dir.resolve("table"));

        assertThat(objects).containsExactly(new StoredObject(dir.resolve("table").toString(), "date=2025-01-01/part-0.parquet",
                100, Instant.parse("2025-01-02T00:00:00Z"), S3StorageClass.STANDARD));
    }
}
