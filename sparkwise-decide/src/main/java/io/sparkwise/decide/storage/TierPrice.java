package io.sparkwise.decide.storage;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one storage tier costs, as the savings need it (from the price catalog; tests build them
 * by hand). Money in USD, sizes in GiB (2^30 bytes, the "GB" object stores bill by).
 *
 * @param name the catalog's class name (standard_ia, glacier_instant, nearline, cool, ...)
 * @param perGbMonth storage per GiB-month
 * @param minDays minimum storage duration billed, 0 when none
 * @param minObjectBytes objects below this are billed as this size, and S3 lifecycle does not move them; 0 when none
 * @param minLifecycleAgeDays lifecycle rules cannot move objects into this tier younger than this; 0 when no limit
 * @param transitionPer1000 lifecycle transitions into this tier, per 1000 objects; 0 when none or unknown
 * @param retrievalPerGb reading back, per GiB; 0 when none
 * @param restoreRequired reads need a restore first (hours), so it only suits archives
 * @param citation where the numbers come from ("source, as_of, confidence")
 */
public record TierPrice(String name, double perGbMonth, int minDays, long minObjectBytes, int minLifecycleAgeDays,
                        double transitionPer1000,
                        double retrievalPerGb, boolean restoreRequired, String citation, Optional<String> gap) {

    public TierPrice {
        requireNonNull(name, "name is null");
        requireNonNull(citation, "citation is null");
        requireNonNull(gap, "gap is null");
    }
}
