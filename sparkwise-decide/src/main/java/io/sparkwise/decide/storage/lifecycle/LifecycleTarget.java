package io.sparkwise.decide.storage.lifecycle;

import java.util.Optional;

/**
 * A cold tier in each provider's words: the S3 storage class of a lifecycle transition, the GCS
 * storage class of a SetStorageClass action, and the Azure Blob lifecycle action
 * ({@code tierToCool}, {@code tierToCold}, {@code tierToArchive}). Rows pair tiers of like
 * access: instant reads (IA, Nearline, Cool), instant reads at a higher retrieval fee (Glacier
 * Instant Retrieval, Coldline, Cold), and restore-first archives.
 */
public enum LifecycleTarget {
    INFREQUENT("standard_ia", "STANDARD_IA", "NEARLINE", "tierToCool"),
    INSTANT_ARCHIVE("glacier_instant", "GLACIER_IR", "COLDLINE", "tierToCold"),
    FLEXIBLE_ARCHIVE("glacier_flexible", "GLACIER", "ARCHIVE", "tierToArchive"),
    DEEP_ARCHIVE("deep_archive", "DEEP_ARCHIVE", "ARCHIVE", "tierToArchive");

    private final String catalogClass;
    private final String s3Class;
    private final String gcsClass;
    private final String azureAction;

    LifecycleTarget(String catalogClass, String s3Class, String gcsClass, String azureAction) {
        this.catalogClass = catalogClass;
        this.s3Class = s3Class;
        this.gcsClass = gcsClass;
        this.azureAction = azureAction;
    }

    /** The target for a class name of the price catalog: S3 (standard_ia, ...), GCS (nearline, coldline, archive) or Azure (cool, cold, archive). */
    public static Optional<LifecycleTarget> forCatalogClass(String name) {
        switch (name) {
            case "nearline", "cool":
                return Optional.of(INFREQUENT);
            case "coldline", "cold":
                return Optional.of(INSTANT_ARCHIVE);
            case "archive":
                return Optional.of(DEEP_ARCHIVE);
            default:
                break;
        }
        for (LifecycleTarget t : values()) {
            if (t.catalogClass.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String s3Class() {
        return s3Class;
    }

    public String gcsClass() {
        return gcsClass;
    }

    public String azureAction() {
        return azureAction;
    }
}
