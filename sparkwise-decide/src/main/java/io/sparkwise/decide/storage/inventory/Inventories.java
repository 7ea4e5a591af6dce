package io.sparkwise.decide.storage.inventory;

import io.sparkwise.eventlog.source.FileTree;
import io.sparkwise.eventlog.source.FileTree.Entry;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens what the user named as an inventory: an S3 Inventory {@code manifest.json} (CSV or
 * Parquet report), a bare inventory CSV ({@code .csv}, {@code .csv.gz}) in the common schema, an
 * inventory Parquet file, or else a directory or Hadoop FS URI to list.
 */
public final class Inventories {

    private Inventories() {}

    public static Inventory open(String path) {
        return new NonEmptyInventory(openAny(path), path);
    }

    private static Inventory openAny(String path) {
        if (path.isBlank()) {
            throw new SparkwiseException(ErrorCode.USAGE, "no inventory given: name a manifest.json, a CSV or Parquet inventory, or a directory");
        }
        FileTree tree = FileTree.forPath(path);
        String treePath = path.startsWith("file:") ? Path.of(URI.create(path)).toString() : path;
        Entry root = tree.stat(treePath).orElseThrow(() ->
                new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "no such file or directory: " + path));
        if (root.directory()) {
            return new FileListing(tree, root);
        }
        if (FileTree.URI_WITH_AUTHORITY.matcher(path).matches() && !path.startsWith("file:")) {
            throw new SparkwiseException(ErrorCode.USAGE, path + " is a file: download the inventory report "
                    + "(manifest.json and its data/ folder) or name the directory to list");
        }
        Path file = Path.of(treePath);
        if (!Files.isReadable(file)) {
            throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + path + ": permission denied");
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return fromManifest(S3InventoryManifest.read(file));
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return new CsvInventory(List.of(file), InventoryColumns.fromSchema(InventoryColumns.COMMON_SCHEMA, path),
                    "S3 Inventory CSV " + path + " (no manifest: columns " + InventoryColumns.COMMON_SCHEMA + ")");
        }
        if (name.endsWith(".parquet")) {
            return new ParquetInventory(List.of(file), "S3 Inventory Parquet " + path);
        }
        throw new SparkwiseException(ErrorCode.USAGE, path + ": not an inventory (expected manifest.json, .csv, .csv.gz, "
                + ".parquet, or a directory to list)");
    }

    private static Inventory fromManifest(S3InventoryManifest manifest) {
        String description = String.format("S3 Inventory %s of bucket %s, %d file(s) (%s)", manifest.fileFormat(),
                manifest.sourceBucket(), manifest.dataFiles().size(), manifest.file());
        return switch (manifest.fileFormat()) {
            case "CSV" -> new CsvInventory(manifest.dataFiles(),
                    InventoryColumns.fromSchema(manifest.fileSchema(), manifest.file().toString()), description);
            case "PARQUET" -> new ParquetInventory(manifest.dataFiles(), description);
            default -> throw new SparkwiseException(ErrorCode.USAGE, manifest.file() + ": inventory format "
                    + manifest.fileFormat() + " is not supported (CSV and Parquet are; configure the report as one of them)");
        };
    }
}
