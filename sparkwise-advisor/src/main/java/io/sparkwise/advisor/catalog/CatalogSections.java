package io.sparkwise.advisor.catalog;

import java.util.List;
import java.util.Map;

/**
 * The sections of the price catalog and the fields that name an entry in each. A user catalog entry
 * with the same key fields overrides the shipped one. A new section needs no code: its entries are
 * named by {@code name} unless listed here.
 */
public final class CatalogSections {

    public static final String INSTANCES = "instances";
    public static final String INSTANCE_FAMILIES = "instance_families";
    public static final String SPOT = "spot";
    public static final String PLATFORMS = "platforms";
    public static final String STORAGE = "storage";
    public static final String WAREHOUSES = "warehouses";

    private static final Map<String, List<String>> KEYS = Map.of(
            INSTANCES, List.of("provider", "region", "type"),
            INSTANCE_FAMILIES, List.of("provider", "region", "family"),
            SPOT, List.of("provider", "family"),
            PLATFORMS, List.of("platform"),
            STORAGE, List.of("provider", "service", "class"),
            WAREHOUSES, List.of("warehouse"));

    private CatalogSections() {
    }

    public static List<String> keyFields(String section) {
        return KEYS.getOrDefault(section, List.of("name"));
    }
}
