package io.sparkwise.decide.storage;

import java.util.List;
import java.util.Optional;

/** Hand-made S3 prices for the savings tests (the shipped catalog's us-east-1 values, fixed here). */
final class TestPrices {

    static final TierPrice STANDARD = new TierPrice("standard", 0.023, 0, 0, 0, 0, 0, false, "test", Optional.empty());
    static final TierPrice STANDARD_IA = new TierPrice("standard_ia", 0.0125, 30, 128 * 1024, 30, 0.01, 0.01, false, "test", Optional.empty());
    static final TierPrice GLACIER_INSTANT = new TierPrice("glacier_instant", 0.004, 90, 128 * 1024, 0, 0.02, 0.03, false, "test", Optional.empty());

    static final List<TierPrice> COLD = List.of(STANDARD_IA, GLACIER_INSTANT);

    private TestPrices() {}
}
