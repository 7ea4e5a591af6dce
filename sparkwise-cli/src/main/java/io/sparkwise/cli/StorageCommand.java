package io.sparkwise.cli;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.decide.storage.AccessEvidence;
import io.sparkwise.decide.storage.CatalogTiers;
import io.sparkwise.decide.storage.ScanLocations;
import io.sparkwise.decide.storage.StorageAnalyzer;
import io.sparkwise.decide.storage.StorageOptions;
import io.sparkwise.decide.storage.StorageReport;
import io.sparkwise.decide.storage.TieringAdvice;
import io.sparkwise.decide.storage.inventory.Inventories;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.storage.StorageJson;
import io.sparkwise.report.storage.StorageText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code sparkwise storage}: where data should live, from an object inventory (and event logs for reads). */
@Command(name = "storage",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Reads an object inventory (S3 Inventory manifest.json, CSV or Parquet; or a directory or Hadoop FS",
            "path to list) and reports bytes by storage class and age, cold data, small files per directory,",
            "what moving cold data to a colder tier saves net of transition and retrieval costs, and",
            "lifecycle rules for S3, GCS and Azure Blob."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "2:usage error (bad flag or value, unknown provider, an --output that cannot be written)",
            "3:the inventory cannot be read (missing, or malformed: the message names file and line)",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class StorageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INVENTORY",
            description = "manifest.json of an S3 Inventory report, an inventory .csv/.csv.gz (columns Bucket, Key, Size, "
                    + "LastModifiedDate, StorageClass) or .parquet, or a directory / hdfs:// s3a:// gs:// abfs:// path to list.")
    String inventory;

    @Option(names = "--event-logs", paramLabel = "PATH", split = ",",
            description = "Event logs (files or directories) whose SQL scans show which paths were read, and when.")
    List<String> eventLogs = List.of();

    @Option(names = "--cold-days", paramLabel = "DAYS", defaultValue = "90",
            description = "Data not read or written for this many days is cold. Default: ${DEFAULT-VALUE}.")
    int coldDays;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Measure ages to this date (yyyy-mm-dd, UTC). Default: now.")
    String asOf;

    @Option(names = "--provider", paramLabel = "PROVIDER", defaultValue = "aws",
            description = "Whose storage prices to use: aws (S3), gcp (GCS), or azure (Blob; no prices shipped: give them with --catalog). Default: ${DEFAULT-VALUE}.")
    String provider;

    @Option(names = "--catalog", paramLabel = "FILE", description = "A price catalog YAML overriding shipped prices.")
    Path catalog;

    @Option(names = "--archive", description = "Also recommend archive tiers whose reads need a restore first (hours).")
    boolean archive;

    @Option(names = "--lifecycle-dir", paramLabel = "DIR",
            description = "Write the lifecycle rules here: s3-lifecycle-<bucket>.json, gcs-lifecycle-<bucket>.json, azure-lifecycle-policy.json.")
    Path lifecycleDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (schema in docs/json.md, \"storage\"). Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    OutputOptions out;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new SparkwiseException(ErrorCode.USAGE, "unknown format '" + format + "' for storage (expected text or json)");
        }
        if (coldDays < 1) {
            throw new SparkwiseException(ErrorCode.USAGE, "--cold-days must be 1 or more, was " + coldDays);
        }
        CatalogTiers tiers = CatalogTiers.of(PriceCatalog.load(Optional.ofNullable(catalog)), provider.toLowerCase(Locale.ROOT));
        StorageReport report = new StorageAnalyzer(StorageOptions.defaults(asOf()).withColdDays(coldDays), evidence(),
                Optional.of(tiers.hot()), tiers.colder()).analyze(Inventories.open(inventory));
        Optional<TieringAdvice> advice = TieringAdvice.of(report, archive);
        if (lifecycleDir != null && advice.isPresent()) {
            writeRules(advice.get());
        }
        StringWriter text = new StringWriter();
        if (format.equals("json")) {
            StorageJson.render(report, advice, text);
        } else {
            StorageText.render(report, advice, new PrintWriter(text));
        }
        return out.write(spec, text.toString());
    }

    private Instant asOf() {
        if (asOf == null) {
            return Instant.now();
        }
        try {
            return LocalDate.parse(asOf).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "--as-of must be a date like 2026-01-31, was '" + asOf + "'");
        }
    }

    private AccessEvidence evidence() {
        AccessEvidence evidence = AccessEvidence.none();
        Sparkwise engine = new Sparkwise();
        for (String path : eventLogs) {
            engine.discover(path).forEach(input -> ScanLocations.addTo(evidence, engine.read(input, bytes -> { })));
        }
        return evidence;
    }

    /** Like an --output that cannot be written, a rules directory that cannot be is a usage error (exit 2), not a bug. */
    private void writeRules(TieringAdvice advice) {
        try {
            Files.createDirectories(lifecycleDir);
            for (String bucket : advice.rules().prefixes().keySet()) {
                Files.writeString(lifecycleDir.resolve("s3-lifecycle-" + bucket + ".json"), advice.rules().s3(bucket));
                Files.writeString(lifecycleDir.resolve("gcs-lifecycle-" + bucket + ".json"), advice.rules().gcs(bucket));
            }
            Files.writeString(lifecycleDir.resolve("azure-lifecycle-policy.json"), advice.rules().azure());
        } catch (IOException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "cannot write the lifecycle rules to " + lifecycleDir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        spec.commandLine().getErr().println("sparkwise: lifecycle rules written to " + lifecycleDir);
    }
}
