package io.sparkwise.decide.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The storage classes an S3 Inventory report names in its {@code StorageClass} column (the
 * values of the S3 API's {@code x-amz-storage-class}), in the order they get colder.
 */
public enum S3StorageClass {
    STANDARD,
    REDUCED_REDUNDANCY,
    EXPRESS_ONEZONE,
    INTELLIGENT_TIERING,
    STANDARD_IA,
    ONEZONE_IA,
    GLACIER_IR,
    GLACIER,
    DEEP_ARCHIVE,
    OUTPOSTS,
    SNOW;

    /** The class named {@code name} exactly as the inventory writes it, or empty. */
    public static Optional<S3StorageClass> fromInventory(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The valid names, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
