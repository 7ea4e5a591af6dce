package io.sparkwise.advisor.catalog;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a catalog section: its key fields (which name it), its numbers (each a {@link Price})
 * and its text attributes.
 */
public record CatalogEntry(String section, Map<String, String> key, Map<String, Price> prices, Map<String, String> attributes) {

    public CatalogEntry {
        requireNonNull(section, "section is null");
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** How the entry is named in messages: {@code instances[aws/us-east-1/m5.xlarge]}. */
    public String name() {
        return name(section, key);
    }

    static String name(String section, Map<String, String> key) {
        return section + "[" + String.join("/", key.values()) + "]";
    }

    /** A number by its path ({@code "per_vcpu_hour"}, or {@code "credits_per_hour", "XS"} for a nested map). */
    public Optional<Price> optionalPrice(String... path) {
        return Optional.ofNullable(prices.get(String.join(".", path)));
    }

    /** A number by its path; a clear error naming the entry and the missing field when absent. */
    public Price price(String... path) {
        String field = String.join(".", path);
        Price price = prices.get(field);
        if (price == null) {
            throw new SparkwiseException(ErrorCode.USAGE, "price catalog: " + name() + " has no '" + field
                    + "' (add it in a catalog file given with --catalog; docs/advisor.md shows the format)");
        }
        return price;
    }

    public Optional<String> attribute(String field) {
        return Optional.ofNullable(attributes.get(field)).or(() -> Optional.ofNullable(key.get(field)));
    }

    /** This entry with the numbers and attributes of {@code override} (same section and key) replacing its own. */
    CatalogEntry overriddenBy(CatalogEntry override) {
        Map<String, Price> mergedPrices = new LinkedHashMap<>(prices);
        mergedPrices.putAll(override.prices);
        Map<String, String> mergedAttributes = new LinkedHashMap<>(attributes);
        mergedAttributes.putAll(override.attributes);
        return new CatalogEntry(section, key, mergedPrices, mergedAttributes);
    }
}
