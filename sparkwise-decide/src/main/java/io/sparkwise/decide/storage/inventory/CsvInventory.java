package io.sparkwise.decide.storage.inventory;

import io.sparkwise.decide.storage.S3StorageClass;
import io.sparkwise.decide.storage.StoredObject;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import static java.util.Objects.requireNonNull;

/**
 * S3 Inventory CSV files: no header row, columns in the manifest's {@code fileSchema} order (or
 * the common schema for a bare file), gzip-compressed when the name ends in {@code .gz} as S3
 * delivers them. Keys are URL-encoded in the CSV format and decoded here. Delete markers (rows
 * with {@code IsDeleteMarker} true) hold no bytes and are skipped.
 */
final class CsvInventory implements Inventory {

    private final List<Path> files;
    private final InventoryColumns columns;
    private final String description;

    CsvInventory(List<Path> files, InventoryColumns columns, String description) {
        this.files = List.copyOf(files);
        this.columns = requireNonNull(columns, "columns is null");
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
        for (Path file : files) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (number == 1) {
                        line = withoutByteOrderMark(line);
                        rejectHeader(line, file + ":1");
                    }
                    if (!line.isBlank()) {
                        parse(line, file + ":" + number).ifPresent(sink);
                    }
                }
            } catch (IOException e) {
                throw new SparkwiseException(ErrorCode.READ_FAILED, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Spreadsheet tools save CSV with a UTF-8 byte order mark, which would otherwise start the first bucket name. */
    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** A header row (a CSV exported with one by hand): its Size column holds the word "Size". */
    private void rejectHeader(String line, String where) {
        Optional<List<String>> fields = CsvFields.split(line);
        if (fields.isPresent() && fields.get().size() == columns.count()
                && fields.get().get(columns.size()).trim().equalsIgnoreCase("size")) {
            throw malformed(where, "a header row (" + line + "); S3 Inventory CSV files have none and the columns are "
                    + columns.schema() + ": delete this line");
        }
    }

    /** One row, or empty for a delete marker; {@code where} is "file:line" for errors. */
    Optional<StoredObject> parse(String line, String where) {
        List<String> fields = CsvFields.split(line).orElseThrow(() -> malformed(where, "unterminated quoted field"));
        if (fields.size() != columns.count()) {
            throw malformed(where, "expected " + columns.count() + " columns as the schema says, found " + fields.size());
        }
        if (columns.deleteMarker() >= 0 && fields.get(columns.deleteMarker()).equalsIgnoreCase("true")) {
            return Optional.empty();
        }
        String key = decode(fields.get(columns.key()), where);
        long size = size(fields.get(columns.size()), where);
        Instant modified = instant(fields.get(columns.lastModified()), where);
        String className = fields.get(columns.storageClass());
        S3StorageClass storageClass = S3StorageClass.fromInventory(className).orElseThrow(() -> malformed(where,
                "unknown storage class '" + className + "' (expected one of " + S3StorageClass.names() + ")"));
        return Optional.of(new StoredObject(fields.get(columns.bucket()), key, size, modified, storageClass));
    }

    private static long size(String text, String where) {
        try {
            long size = Long.parseLong(text.trim());
            if (size < 0) {
                throw malformed(where, "negative size " + text);
            }
            return size;
        } catch (NumberFormatException e) {
            throw malformed(where, "size '" + text + "' is not a whole number of bytes");
        }
    }

    private static Instant instant(String text, String where) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw malformed(where, "LastModifiedDate '" + text + "' is not an ISO-8601 time such as 2024-01-31T12:00:00.000Z");
        }
    }

    private static String decode(String key, String where) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(where, "key '" + key + "' is not URL-encoded as S3 Inventory writes keys");
        }
    }

    static SparkwiseException malformed(String where, String what) {
        return new SparkwiseException(ErrorCode.MALFORMED_INPUT, where + ": " + what);
    }
}
