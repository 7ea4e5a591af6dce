package io.sparkwise.decide.storage;

import static java.util.Objects.requireNonNull;

/**
 * What moving the cold data of the hot tier into {@code tier} saves.
 *
 * @param movedObjects cold objects the lifecycle rule would move (those at or above the tier's minimum object size)
 * @param movedBytes their bytes
 * @param keptObjects cold objects too small to move (they stay in the hot tier)
 * @param monthlySaving storage cost per month before minus after, USD
 * @param transitionCost one-time lifecycle transition requests, USD
 * @param firstYearNet 12 x monthlySaving - transitionCost
 * @param breakEvenReadShare share of the moved bytes that may be read back each month before retrieval fees
 *     eat the saving (monthlySaving / (movedGiB x retrieval per GiB)); infinite when retrieval is free
 */
public record TierSaving(TierPrice tier, long movedObjects, long movedBytes, long keptObjects, long keptBytes,
                         double monthlySaving, double transitionCost, double firstYearNet, double breakEvenReadShare) {

    public TierSaving {
        requireNonNull(tier, "tier is null");
    }

    /** Months of saving that pay for the transitions; 0 when there is nothing to pay. */
    public double paybackMonths() {
        return transitionCost == 0 ? 0 : monthlySaving <= 0 ? Double.POSITIVE_INFINITY : transitionCost / monthlySaving;
    }

    static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * @param hot the price of the tier the data is in now
     * @param coldSizes the cold objects' sizes (hot tier only) at and above, and below, the tier's minimum object size
     */
    static TierSaving of(TierPrice hot, TierPrice tier, long movedObjects, long movedBytes, long keptObjects, long keptBytes) {
        double movedGib = movedBytes / GIB;
        double monthly = movedGib * (hot.perGbMonth() - tier.perGbMonth());
        double transition = movedObjects / 1000.0 * tier.transitionPer1000();
        double retrievalPerMonthAll = movedGib * tier.retrievalPerGb();
        double breakEven = retrievalPerMonthAll == 0 ? Double.POSITIVE_INFINITY : monthly / retrievalPerMonthAll;
        return new TierSaving(tier, movedObjects, movedBytes, keptObjects, keptBytes, monthly, transition,
                12 * monthly - transition, breakEven);
    }
}
