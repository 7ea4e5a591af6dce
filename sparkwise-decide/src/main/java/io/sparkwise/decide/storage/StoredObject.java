package io.sparkwise.decide.storage;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One object (or file) of an inventory.
 *
 * @param bucket the bucket, or the listed root for a file-system listing
 * @param key the object key relative to the bucket (decoded), with '/' between directories
 * @param size bytes
 * @param lastModified when it was last written
 */
public record StoredObject(String bucket, String key, long size, Instant lastModified, S3StorageClass storageClass) {

    public StoredObject {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(key, "key is null");
        requireNonNull(lastModified, "lastModified is null");
        requireNonNull(storageClass, "storageClass is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }

    /** The "directory" of the key: everything before its last '/', or "" at the bucket's root. */
    public String directory() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }
}
