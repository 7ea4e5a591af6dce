package io.sparkwise.decide.storage.inventory;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the fields storage analysis needs sit in an inventory CSV row: from the manifest's
 * {@code fileSchema} ("Bucket, Key, Size, LastModifiedDate, ETag, StorageClass, ..."), or the
 * common schema of a bare CSV file.
 *
 * @param schema the column names as declared, for messages
 */
record InventoryColumns(String schema, int count, int bucket, int key, int size, int lastModified, int storageClass, int deleteMarker) {

    /** The schema a bare CSV file is read with (no manifest to say otherwise). */
    static final String COMMON_SCHEMA = "Bucket, Key, Size, LastModifiedDate, StorageClass";

    static final List<String> REQUIRED = List.of("Bucket", "Key", "Size", "LastModifiedDate", "StorageClass");

    /**
     * @param where the file that declared the schema, for the error message
     * @throws SparkwiseException {@code MALFORMED_INPUT} naming the required columns it lacks
     */
    static InventoryColumns fromSchema(String schema, String where) {
        List<String> names = new ArrayList<>();
        for (String name : schema.split(",")) {
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        List<String> missing = REQUIRED.stream().filter(r -> !names.contains(r.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new SparkwiseException(ErrorCode.MALFORMED_INPUT, where + ": the inventory schema lacks "
                    + String.join(", ", missing) + " (has: " + schema.trim() + "); configure the inventory report "
                    + "with the optional fields Size, LastModifiedDate and StorageClass");
        }
        return new InventoryColumns(schema.trim(), names.size(), names.indexOf("bucket"), names.indexOf("key"), names.indexOf("size"),
                names.indexOf("lastmodifieddate"), names.indexOf("storageclass"), names.indexOf("isdeletemarker"));
    }
}
