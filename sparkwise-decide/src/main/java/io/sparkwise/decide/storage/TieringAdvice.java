package io.sparkwise.decide.storage;

import io.sparkwise.decide.storage.lifecycle.LifecycleRules;
import io.sparkwise.decide.storage.lifecycle.LifecycleTarget;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tier to recommend and its lifecycle rules: the cold tier with the largest first-year net
 * saving, among those read without a restore unless archives are allowed; none when no tier
 * saves money or no prefix is entirely cold.
 */
public record TieringAdvice(TierSaving saving, LifecycleRules rules) {

    public TieringAdvice {
        requireNonNull(saving, "saving is null");
        requireNonNull(rules, "rules is null");
    }

    public static Optional<TieringAdvice> of(StorageReport report, boolean allowArchive) {
        if (report.coldPrefixes().isEmpty()) {
            return Optional.empty();
        }
        for (TierSaving saving : report.savings()) {
            TierPrice tier = saving.tier();
            Optional<LifecycleTarget> target = LifecycleTarget.forCatalogClass(tier.name());
            if (saving.firstYearNet() <= 0 || target.isEmpty() || (tier.restoreRequired() && !allowArchive)) {
                continue;
            }
            int days = Math.max(report.options().coldDays(), tier.minLifecycleAgeDays());
            return Optional.of(new TieringAdvice(saving, new LifecycleRules(
                    LifecycleRules.byBucket(report.coldPrefixes()), days, target.get(), tier.minObjectBytes())));
        }
        return Optional.empty();
    }
}
