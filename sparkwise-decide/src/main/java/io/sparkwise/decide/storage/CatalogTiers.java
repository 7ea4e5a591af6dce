package io.sparkwise.decide.storage;

import io.sparkwise.advisor.catalog.Price;
import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.advisor.catalog.StorageClassPrice;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The storage tiers of one provider from the price catalog: the hot class ("standard") and the
 * colder ones. A charge the catalog does not list counts as 0 and is named in the tier's gap.
 */
public record CatalogTiers(TierPrice hot, List<TierPrice> colder) {

    /** Classes whose objects must be restored (hours) before they can be read: S3's archives, Azure's archive tier. */
    private static final Set<String> RESTORE_FIRST = Set.of("aws/glacier_flexible", "aws/deep_archive", "azure/archive");

    public CatalogTiers {
        colder = List.copyOf(colder);
    }

    /** @param provider aws (S3) or gcp (GCS) */
    public static CatalogTiers of(PriceCatalog catalog, String provider) {
        String service = switch (provider) {
            case "aws" -> "s3";
            case "gcp" -> "gcs";
            case "azure" -> "blob";
            default -> throw new SparkwiseException(ErrorCode.USAGE, "unknown provider '" + provider + "' (expected aws, gcp or azure)");
        };
        List<StorageClassPrice> classes = catalog.storageClasses(provider, service);
        TierPrice hot = null;
        List<TierPrice> colder = new ArrayList<>();
        for (StorageClassPrice c : classes) {
            TierPrice tier = tier(c);
            if (c.storageClass().equals("standard") || c.storageClass().equals("hot")) {
                hot = tier;
            } else {
                colder.add(tier);
            }
        }
        if (hot == null) {
            throw new SparkwiseException(ErrorCode.USAGE, "price catalog has no " + provider + " " + service
                    + " storage prices" + (provider.equals("azure") ? " (none shipped: no source was found for them); add entries"
                    + " 'provider: azure, service: blob, class: hot|cool|cold|archive' with --catalog FILE" : ""));
        }
        return new CatalogTiers(hot, colder);
    }

    private static TierPrice tier(StorageClassPrice c) {
        List<String> gaps = new ArrayList<>();
        double transition = value(c.transitionPer1000(), "transition", gaps);
        double retrieval = value(c.retrievalPerGb(), "retrieval", gaps);
        if (c.storageClass().equals("standard") || c.storageClass().equals("hot")) {
            gaps.clear();
        }
        return new TierPrice(c.storageClass(), c.perGbMonth().value(),
                (int) c.minDays().map(Price::value).orElse(0.0).doubleValue(),
                (long) (c.minObjectKib().map(Price::value).orElse(0.0) * 1024),
                (int) c.minAgeDaysForLifecycle().map(Price::value).orElse(0.0).doubleValue(),
                transition, retrieval, RESTORE_FIRST.contains(c.provider() + "/" + c.storageClass()), c.perGbMonth().citation(),
                gaps.isEmpty() ? Optional.empty() : Optional.of("no " + String.join(" or ", gaps) + " price in the catalog: counted as 0"));
    }

    private static double value(Optional<Price> price, String what, List<String> gaps) {
        if (price.isEmpty()) {
            gaps.add(what);
        }
        return price.map(Price::value).orElse(0.0);
    }
}
