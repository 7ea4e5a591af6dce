package io.sparkwise.advisor.catalog;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One number of the price catalog with where it comes from.
 *
 * @param key where it is in the catalog, e.g. {@code instances[aws/us-east-1/m5.xlarge].on_demand_per_hour}
 * @param value the number (USD for prices; the field name says per what)
 * @param source the page or file the number was read from, or how it was derived
 * @param asOf the date it was read (ISO yyyy-mm-dd)
 */
public record Price(String key, double value, String source, String asOf, Confidence confidence, Optional<String> note) {

    public Price {
        requireNonNull(key, "key is null");
        requireNonNull(source, "source is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(confidence, "confidence is null");
        requireNonNull(note, "note is null");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " is negative or not a number: " + value);
        }
    }

    /** The same provenance with another value, e.g. a size derived by the doubling rule. */
    public Price derived(String newKey, double newValue, String how) {
        return new Price(newKey, newValue, source, asOf, Confidence.ESTIMATED, Optional.of(how));
    }

    /** "source, as_of, confidence" for the lines that cite a number. */
    public String citation() {
        return String.format(Locale.ROOT, "%s, %s, %s", source, asOf, confidence.label());
    }
}
