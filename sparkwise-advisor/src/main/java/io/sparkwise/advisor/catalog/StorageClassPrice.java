package io.sparkwise.advisor.catalog;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Prices of one object-storage class (e.g. aws s3 standard_ia): storage per GB-month and what
 * tiering costs besides storage. Absent fields mean the class has no such charge or limit in the
 * catalog.
 */
public record StorageClassPrice(CatalogEntry entry) {

    public StorageClassPrice {
        requireNonNull(entry, "entry is null");
    }

    public String provider() {
        return entry.key().get("provider");
    }

    public String service() {
        return entry.key().get("service");
    }

    public String storageClass() {
        return entry.key().get("class");
    }

    public Price perGbMonth() {
        return entry.price("per_gb_month");
    }

    /** Minimum storage duration billed (days). */
    public Optional<Price> minDays() {
        return entry.optionalPrice("min_days");
    }

    /** Objects smaller than this are billed as this size (KiB). */
    public Optional<Price> minObjectKib() {
        return entry.optionalPrice("min_object_kib");
    }

    /** Lifecycle rules cannot move an object into this class before it is this old (days). */
    public Optional<Price> minAgeDaysForLifecycle() {
        return entry.optionalPrice("min_age_days_for_lifecycle");
    }

    /** Lifecycle transition requests into this class, per 1000 objects. */
    public Optional<Price> transitionPer1000() {
        return entry.optionalPrice("transition_per_1000");
    }

    public Optional<Price> retrievalPerGb() {
        return entry.optionalPrice("retrieval_per_gb");
    }

    public Optional<Price> retrievalPer1000() {
        return entry.optionalPrice("retrieval_per_1000");
    }
}
