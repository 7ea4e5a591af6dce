package io.sparkwise.decide.storage;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * @param asOf the time ages are measured to (now, or the inventory's date)
 * @param coldDays data not read (or, without read evidence, not written) for this many days is cold
 * @param smallFileBytes files below this size are small
 * @param targetFileBytes the size compaction aims for
 */
public record StorageOptions(Instant asOf, int coldDays, long smallFileBytes, long targetFileBytes) {

    /** 128 MB: Spark's {@code spark.sql.files.maxPartitionBytes}, one input split per file at this size. */
    public static final long TARGET_FILE_BYTES = 128L * 1024 * 1024;
    /** A quarter of the target: below it, four or more files go into one split, each paying Spark's 4 MB open cost. */
    public static final long SMALL_FILE_BYTES = TARGET_FILE_BYTES / 4;

    public StorageOptions {
        requireNonNull(asOf, "asOf is null");
        if (coldDays < 1) {
            throw new IllegalArgumentException("coldDays must be 1 or more: " + coldDays);
        }
        if (smallFileBytes <= 0 || targetFileBytes <= 0) {
            throw new IllegalArgumentException("file sizes must be positive");
        }
    }

    public StorageOptions withColdDays(int days) {
        return new StorageOptions(asOf, days, smallFileBytes, targetFileBytes);
    }

    public static StorageOptions defaults(Instant asOf) {
        return new StorageOptions(asOf, 90, SMALL_FILE_BYTES, TARGET_FILE_BYTES);
    }
}
