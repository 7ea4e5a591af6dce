package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StorageCommandTest {

    static final long TIB = 1024L * 1024 * 1024 * 1024;

    /** 2 TiB and 1 TiB of STANDARD data last written in 2025-06 and 2025-09, 1 TiB written in December: as of 2026-01-01. */
    static Path inventory(Path dir) throws IOException {
        Path file = dir.resolve("inventory.csv");
        Files.write(file, List.of(
                "\"lake\",\"warehouse/sales/part-0.parquet\",\"" + 2 * TIB + "\",\"2025-06-15T00:00:00.000Z\",\"STANDARD\"",
                "\"lake\",\"warehouse/sales/part-1.parquet\",\"" + TIB + "\",\"2025-09-01T00:00:00.000Z\",\"STANDARD\"",
                "\"lake\",\"logs/a\",\"" + TIB + "\",\"2025-12-20T00:00:00.000Z\",\"STANDARD\""));
        return file;
    }

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }

    @Test
    void storage_generatedInventory_printsShippedCatalogSavings(@TempDir Path dir) throws IOException {
        CliRun run = run("storage", inventory(dir).toString(), "--as-of", "2026-01-01", "--lifecycle-dir", dir.resolve("rules").toString());

        assertThat(run.exitCode()).isEqualTo(0);
        // 3 TiB = 3072 GiB cold. Glacier Instant Retrieval (shipped us-east-1 prices): 3072 x (0.023 - 0.004) = $58.37/month.
        assertThat(run.out()).contains("Recommendation: move 3.00 TiB under 1 cold prefix(es) to glacier_instant after 90 days: $58.37/month saved")
                .contains("  cold prefixes: lake/warehouse/");
        assertThat(Files.readString(dir.resolve("rules/s3-lifecycle-lake.json"))).contains("\"StorageClass\" : \"GLACIER_IR\"");
        assertThat(dir.resolve("rules/gcs-lifecycle-lake.json")).exists();
        assertThat(dir.resolve("rules/azure-lifecycle-policy.json")).exists();
    }

    @Test
    void storage_lifecycleDirThatIsAFile_isUsageErrorNotInternal(@TempDir Path dir) throws IOException {
        Path notADir = Files.writeString(dir.resolve("rules"), "x");

        CliRun run = run("storage", inventory(dir).toString(), "--as-of", "2026-01-01", "--lifecycle-dir", notADir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sparkwise: cannot write the lifecycle rules to " + notADir + " (");
        assertThat(run.err()).doesNotContain("internal error");
    }

    @Test
    void storage_json_carriesSavingsAndRules(@TempDir Path dir) throws IOException {
        CliRun run = run("storage", inventory(dir).toString(), "--as-of", "2026-01-01", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("\"schemaVersion\" : 1").contains("\"coldPrefixes\" : [ \"lake/warehouse/\" ]")
                .contains("\"tier\" : \"glacier_instant\"").contains("\"Rules\"");
    }

    @Test
    void storage_badSize_exits3WithFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "\"b\",\"k\",\"ten\",\"2025-06-01T00:00:00Z\",\"STANDARD\"\n");

        CliRun run = run("storage", file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("sparkwise: " + file + ":1: size 'ten' is not a whole number of bytes" + System.lineSeparator());
    }

    @Test
    void storage_unknownProvider_isUsageError(@TempDir Path dir) throws IOException {
        CliRun run = run("storage", inventory(dir).toString(), "--provider", "ibm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown provider 'ibm' (expected aws, gcp or azure)");
    }

    @Test
    void storage_azureWithoutPrices_saysHowToAddThem(@TempDir Path dir) throws IOException {
        CliRun run = run("storage", inventory(dir).toString(), "--provider", "azure");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("price catalog has no azure blob storage prices (none shipped: no source was found for them)");
    }

    @Test
    void storage_azurePricesFromUserCatalog_recommendCoolByHand(@TempDir Path dir) throws IOException {
        Path catalog = Files.writeString(dir.resolve("azure.yaml"), """
                storage:
                  - {provider: azure, service: blob, class: hot, per_gb_month: 0.02, source: "test", as_of: "2026-01-01", confidence: estimated}
                  - {provider: azure, service: blob, class: cool, per_gb_month: 0.01, min_days: 30, source: "test", as_of: "2026-01-01", confidence: estimated}
                """);

        CliRun run = run("storage", inventory(dir).toString(), "--as-of", "2026-01-01", "--provider", "azure",
                "--catalog", catalog.toString(), "--lifecycle-dir", dir.resolve("rules").toString());

        // 3 TiB = 3072 GiB cold x (0.02 - 0.01) = $30.72 a month.
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("to cool after 90 days: $30.72/month saved");
        assertThat(Files.readString(dir.resolve("rules/azure-lifecycle-policy.json"))).contains("\"tierToCool\"");
    }
}
