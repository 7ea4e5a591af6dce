package io.sparkwise.decide.storage;

import io.sparkwise.decide.storage.inventory.Inventories;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryErrorsTest {

    static final String GOOD = "\"b\",\"k\",\"10\",\"2025-06-01T00:00:00.000Z\",\"STANDARD\"";

    private static SparkwiseException readError(Path file) {
        try {
            Inventories.open(file.toString()).forEach(o -> { });
        } catch (SparkwiseException e) {
            return e;
        }
        throw new AssertionError("no error reading " + file);
    }

    private static Path csv(Path dir, String... lines) throws IOException {
        Path file = dir.resolve("inv.csv");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void csv_badSize_namesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = csv(dir, GOOD, "\"b\",\"k2\",\"12x\",\"2025-06-01T00:00:00.000Z\",\"STANDARD\"");

        SparkwiseException e = readError(file);

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).isEqualTo(file + ":2: size '12x' is not a whole number of bytes");
    }

    @Test
    void csv_negativeSize_namesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = csv(dir, "\"b\",\"k\",\"-5\",\"2025-06-01T00:00:00.000Z\",\"STANDARD\"");

        assertThat(readError(file).getMessage()).isEqualTo(file + ":1: negative size -5");
    }

    @Test
    void csv_unknownStorageClass_listsTheKnownOnes(@TempDir Path dir) throws IOException {
        Path file = csv(dir, GOOD, GOOD, "\"b\",\"k\",\"10\",\"2025-06-01T00:00:00.000Z\",\"FROZEN\"");

        assertThat(readError(file).getMessage()).startsWith(file + ":3: unknown storage class 'FROZEN' (expected one of STANDARD, ");
    }

    @Test
    void csv_missingColumn_saysHowManyWereExpected(@TempDir Path dir) throws IOException {
        Path file = csv(dir, "\"b\",\"k\",\"10\",\"2025-06-01T00:00:00.000Z\"");

        assertThat(readError(file).getMessage()).isEqualTo(file + ":1: expected 5 columns as the schema says, found 4");
    }

    @Test
    void csv_badDate_namesTheFormat(@TempDir Path dir) throws IOException {
        Path file = csv(dir, "\"b\",\"k\",\"10\",\"yesterday\",\"STANDARD\"");

        assertThat(readError(file).getMessage())
                .isEqualTo(file + ":1: LastModifiedDate 'yesterday' is not an ISO-8601 time such as 2024-01-31T12:00:00.000Z");
    }

    @Test
    void csv_unterminatedQuote_isMalformed(@TempDir Path dir) throws IOException {
        Path file = csv(dir, "\"b\",\"k,\"10\"");

        assertThat(readError(file).getMessage()).isEqualTo(file + ":1: unterminated quoted field");
    }

    @Test
    void csv_headerRowByMistake_saysToDeleteIt(@TempDir Path dir) throws IOException {
        Path file = csv(dir, "Bucket,Key,Size,LastModifiedDate,StorageClass", GOOD);

        SparkwiseException e = readError(file);

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).isEqualTo(file + ":1: a header row (Bucket,Key,Size,LastModifiedDate,StorageClass); "
                + "S3 Inventory CSV files have none and the columns are Bucket, Key, Size, LastModifiedDate, StorageClass: delete this line");
    }

    @Test
    void csv_byteOrderMark_isNotPartOfTheBucketName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("inv.csv");
        Files.writeString(file, "\uFEFF" + GOOD + "\n");
        List<String> buckets = new ArrayList<>();

        Inventories.open(file.toString()).forEach(o -> buckets.add(o.bucket()));

        assertThat(buckets).containsExactly("b");
    }

    @Test
    void manifest_truncatedJson_saysWhatWithoutParserInternals(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, "{\n");

        assertThat(assertThrows(manifest).getMessage())
                .isEqualTo(manifest + ": line 2: not valid JSON (Unexpected end-of-input: expected close marker for Object)");
    }

    @Test
    void manifest_fileWithoutKey_isMalformed(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, "{\"fileFormat\": \"CSV\", \"fileSchema\": \"Bucket, Key, Size, LastModifiedDate, StorageClass\", "
                + "\"files\": [{\"key\": null, \"size\": 1}]}");

        SparkwiseException e = assertThrows(manifest);

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).isEqualTo(manifest + ": a files entry has no key");
    }

    @Test
    void manifest_schemaWithoutStorageClass_namesTheMissingColumn(@TempDir Path dir) throws IOException {
        Path manifest = manifest(dir, "Bucket, Key, Size, LastModifiedDate, ETag", List.of("\"b\",\"k\",\"1\",\"2025-06-01T00:00:00Z\",\"e\""));

        SparkwiseException e = assertThrows(manifest);

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).startsWith(manifest + ": the inventory schema lacks StorageClass (has: Bucket, Key, Size, LastModifiedDate, ETag)");
    }

    @Test
    void manifest_missingDataFile_saysWhereItLooked(@TempDir Path dir) throws IOException {
        Path manifest = manifest(dir, "Bucket, Key, Size, LastModifiedDate, StorageClass", List.of());
        Files.delete(dir.resolve("src-bucket/cfg/data/a.csv.gz"));

        SparkwiseException e = assertThrows(manifest);

        assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
        assertThat(e.getMessage()).startsWith(manifest + " lists dest/src-bucket/cfg/data/a.csv.gz, not found locally");
    }

    @Test
    void manifest_notJson_namesTheLine(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, "{\n  \"fileFormat\": CSV\n}");

        assertThat(assertThrows(manifest).getMessage()).startsWith(manifest + ": line 2: not valid JSON");
    }

    @Test
    void open_unknownExtension_isUsageError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("inventory.txt"), "x");

        SparkwiseException e = assertThrows(file);

        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(e.getMessage()).isEqualTo(file + ": not an inventory (expected manifest.json, .csv, .csv.gz, .parquet, or a directory to list)");
    }

    @Test
    void open_missingPath_isInputNotFound(@TempDir Path dir) {
        SparkwiseException e = assertThrows(dir.resolve("nope.csv"));

        assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("no such file or directory: " + dir.resolve("nope.csv"));
    }

    private static SparkwiseException assertThrows(Path path) {
        List<SparkwiseException> caught = new ArrayList<>();
        assertThatThrownBy(() -> Inventories.open(path.toString()).forEach(o -> { }))
                .isInstanceOfSatisfying(SparkwiseException.class, caught::add);
        return caught.get(0);
    }

    /** A downloaded report: dir/src-bucket/cfg/2026-01-01T00-00Z/manifest.json and dir/src-bucket/cfg/data/a.csv.gz. */
    static Path manifest(Path dir, String schema, List<String> rows) throws IOException {
        Path config = dir.resolve("src-bucket/cfg");
        Path data = Files.createDirectories(config.resolve("data"));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(data.resolve("a.csv.gz")))) {
            out.write((String.join("\n", rows) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path manifest = Files.createDirectories(config.resolve("2026-01-01T00-00Z")).resolve("manifest.json");
        Files.writeString(manifest, """
                {
                  "sourceBucket": "src-bucket",
                  "destinationBucket": "arn:aws:s3:::dest",
                  "version": "2016-11-30",
                  "creationTimestamp": "1767225600000",
                  "fileFormat": "CSV",
                  "fileSchema": "%s",
                  "files": [ {"key": "dest/src-bucket/cfg/data/a.csv.gz", "size": 100, "MD5checksum": "x"} ]
                }""".formatted(schema));
        return manifest;
    }
}
