package io.sparkwise.decide.storage;

import io.sparkwise.decide.storage.inventory.Inventories;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StorageAnalyzerTest {

    static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
    static final long KIB = 1024;
    static final long TIB = 1024L * 1024 * 1024 * 1024;

    /**
     * lake/warehouse/sales: 2 TiB written 200 days ago and 1 TiB 100 days ago; lake/warehouse/tmp:
     * 64 KiB 120 days ago; lake/logs: 1 TiB 10 days ago; lake/archive: 1 TiB in GLACIER, 400 days.
     */
    static Path inventory(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(row("warehouse/sales/part-0.parquet", 2 * TIB, 200, "STANDARD"));
        lines.add(row("warehouse/sales/part-1.parquet", TIB, 100, "STANDARD"));
        lines.add(row("warehouse/tmp/x", 64 * KIB, 120, "STANDARD"));
        lines.add(row("logs/a", TIB, 10, "STANDARD"));
        lines.add(row("archive/old", TIB, 400, "GLACIER"));
        Path file = dir.resolve("inventory.csv");
        Files.write(file, lines);
        return file;
    }

    static String row(String key, long size, int ageDays, String storageClass) {
        return String.format("\"lake\",\"%s\",\"%d\",\"%s\",\"%s\"", key, size, AS_OF.minus(ageDays, ChronoUnit.DAYS), storageClass);
    }

    static StorageReport analyze(Path inventory, AccessEvidence evidence) {
        return new StorageAnalyzer(StorageOptions.defaults(AS_OF), evidence, Optional.of(TestPrices.STANDARD), TestPrices.COLD)
                .analyze(Inventories.open(inventory.toString()));
    }

    @Test
    void analyze_emptyInventory_saysThereIsNothingToAnalyze(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("inv.csv"), "\n");

        assertThatThrownBy(() -> analyze(file, AccessEvidence.none()))
                .isInstanceOfSatisfying(SparkwiseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessage(file + ": no objects to analyze (the inventory is empty or lists only delete markers)");
    }

    @Test
    void analyze_generatedInventory_tallsBytesByClassAndAge(@TempDir Path dir) throws IOException {
        StorageReport report = analyze(inventory(dir), AccessEvidence.none());

        assertThat(report.total().objects()).isEqualTo(5);
        assertThat(report.total().bytes()).isEqualTo(5 * TIB + 64 * KIB);
        assertThat(report.byClass().get(S3StorageClass.STANDARD).bytes()).isEqualTo(4 * TIB + 64 * KIB);
        assertThat(report.byClass().get(S3StorageClass.GLACIER).bytes()).isEqualTo(TIB);
        assertThat(report.byAge()).extracting(Tally::bytes)
                .containsExactly(TIB, 0L, TIB + 64 * KIB, 2 * TIB, TIB);
        assertThat(report.cold().get(S3StorageClass.STANDARD).objects()).isEqualTo(3);
        assertThat(report.coldPrefixes()).containsExactly("lake/archive/", "lake/warehouse/");
        assertThat(report.hotOldPrefixes()).isEmpty();
    }

    @Test
    void analyze_generatedInventory_savingsPerTierByHand(@TempDir Path dir) throws IOException {
        StorageReport report = analyze(inventory(dir), AccessEvidence.none());

        // Cold STANDARD: 2 TiB + 1 TiB (moved) and 64 KiB (below 128 KiB: kept). 3 TiB = 3072 GiB.
        // Glacier IR: 3072 x (0.023 - 0.004) = 58.368/month; 2 transitions x 0.02/1000 = 0.00004;
        // first year 12 x 58.368 - 0.00004 = 700.41596; break-even reads 58.368 / (3072 x 0.03) = 63.3%.
        TierSaving gir = report.savings().get(0);
        assertThat(gir.tier().name()).isEqualTo("glacier_instant");
        assertThat(gir.movedObjects()).isEqualTo(2);
        assertThat(gir.movedBytes()).isEqualTo(3 * TIB);
        assertThat(gir.keptObjects()).isEqualTo(1);
        assertThat(gir.keptBytes()).isEqualTo(64 * KIB);
        assertThat(gir.monthlySaving()).isCloseTo(58.368, within(1e-9));
        assertThat(gir.transitionCost()).isCloseTo(0.00004, within(1e-12));
        assertThat(gir.firstYearNet()).isCloseTo(700.41596, within(1e-9));
        assertThat(gir.breakEvenReadShare()).isCloseTo(58.368 / 92.16, within(1e-12));
        // Standard-IA: 3072 x (0.023 - 0.0125) = 32.256/month; 2 x 0.01/1000 = 0.00002; 387.07198; 32.256 / 30.72 = 105%.
        TierSaving ia = report.savings().get(1);
        assertThat(ia.tier().name()).isEqualTo("standard_ia");
        assertThat(ia.monthlySaving()).isCloseTo(32.256, within(1e-9));
        assertThat(ia.firstYearNet()).isCloseTo(387.07198, within(1e-9));
        assertThat(ia.breakEvenReadShare()).isCloseTo(1.05, within(1e-12));
    }

    @Test
    void analyze_recentReadInEventLogs_keepsReadDataHot(@TempDir Path dir) throws IOException {
        AccessEvidence evidence = AccessEvidence.none();
        evidence.read("s3a://lake/warehouse/sales", AS_OF.minus(5, ChronoUnit.DAYS));

        StorageReport report = analyze(inventory(dir), evidence);

        assertThat(report.readEvidence()).isTrue();
        assertThat(report.cold().get(S3StorageClass.STANDARD).objects()).isEqualTo(1);
        assertThat(report.hotOldPrefixes()).containsExactly("lake/warehouse/");
        assertThat(report.coldPrefixes()).containsExactly("lake/archive/");
        assertThat(report.savings()).allSatisfy(s -> assertThat(s.movedObjects()).isZero());
    }

    @Test
    void analyze_readLongAgo_staysCold(@TempDir Path dir) throws IOException {
        AccessEvidence evidence = AccessEvidence.none();
        evidence.read("s3://lake/warehouse/sales/part-0.parquet", AS_OF.minus(95, ChronoUnit.DAYS));

        StorageReport report = analyze(inventory(dir), evidence);

        assertThat(report.cold().get(S3StorageClass.STANDARD).objects()).isEqualTo(3);
    }

    @Test
    void analyze_directoryOfSmallFiles_reportsCompactionTarget(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add(row("t/date=2025-12-01/part-" + i + ".parquet", 1024 * KIB, 1, "STANDARD"));
        }
        lines.add(row("t/date=2025-12-02/part-0.parquet", 200 * 1024 * KIB, 1, "STANDARD"));
        Path file = dir.resolve("small.csv");
        Files.write(file, lines);

        StorageReport report = analyze(file, AccessEvidence.none());

        // 300 files of 1 MiB = 300 MiB: ceil(300 / 128) = 3 files after compaction.
        assertThat(report.smallFileDirectories()).singleElement().satisfies(d -> {
            assertThat(d.directory()).isEqualTo("t/date=2025-12-01");
            assertThat(d.files()).isEqualTo(300);
            assertThat(d.smallFiles()).isEqualTo(300);
            assertThat(d.compactedFiles()).isEqualTo(3);
        });
    }
}
