package io.sparkwise.advisor.catalog;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The price catalog: the shipped {@code prices.yaml} overridden entry by entry by an optional user
 * file. Every number is a {@link Price} with its source, as_of date and confidence. Typed lookups
 * for instances, spot, platforms and storage classes; {@link #entry} for any section by key.
 */
public final class PriceCatalog {

    static final String SHIPPED = "prices.yaml";

    private final Map<String, List<CatalogEntry>> sections;

    private PriceCatalog(Map<String, List<CatalogEntry>> sections) {
        this.sections = sections;
    }

    /** The catalog shipped with Sparkwise. */
    public static PriceCatalog shipped() {
        try (InputStream in = PriceCatalog.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("shipped price catalog " + SHIPPED + " is missing from the classpath");
            }
            return new PriceCatalog(CatalogParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "(shipped) " + SHIPPED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped catalog, overridden by {@code userFile} when given. */
    public static PriceCatalog load(Optional<Path> userFile) {
        PriceCatalog shipped = shipped();
        if (userFile.isEmpty()) {
            return shipped;
        }
        Path file = userFile.get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return shipped.overriddenBy(CatalogParser.parse(reader, file.toString()), file.toString());
        } catch (NoSuchFileException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "price catalog file not found: " + file);
        } catch (IOException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "cannot read price catalog " + file + ": " + e.getMessage());
        }
    }

    /** A catalog from YAML text (tests, and callers that build a catalog in memory), overriding the shipped one. */
    public static PriceCatalog shippedOverriddenBy(Reader yaml, String origin) {
        return shipped().overriddenBy(CatalogParser.parse(yaml, origin), origin);
    }

    private PriceCatalog overriddenBy(Map<String, List<CatalogEntry>> user, String origin) {
        Map<String, List<CatalogEntry>> merged = new LinkedHashMap<>();
        sections.forEach((name, entries) -> merged.put(name, new ArrayList<>(entries)));
        for (Map.Entry<String, List<CatalogEntry>> section : user.entrySet()) {
            List<CatalogEntry> target = merged.get(section.getKey());
            if (target == null) {
                throw new SparkwiseException(ErrorCode.USAGE, "price catalog " + origin + ": unknown section '"
                        + section.getKey() + "' (known: " + String.join(", ", sections.keySet()) + ")");
            }
            for (CatalogEntry entry : section.getValue()) {
                int index = indexOf(target, entry.key());
                if (index >= 0) {
                    target.set(index, target.get(index).overriddenBy(entry));
                } else {
                    target.add(entry);
                }
            }
        }
        return new PriceCatalog(merged);
    }

    private static int indexOf(List<CatalogEntry> entries, Map<String, String> key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The entries of a section, in file order (shipped first, then added user entries); empty for an unknown section. */
    public List<CatalogEntry> entries(String section) {
        return List.copyOf(sections.getOrDefault(section, List.of()));
    }

    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /** The entry of {@code section} whose key fields equal {@code key} (e.g. warehouse=snowflake). */
    public Optional<CatalogEntry> entry(String section, Map<String, String> key) {
        return entries(section).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** Like {@link #entry}, but a clear error listing the known keys when it is absent. */
    public CatalogEntry requireEntry(String section, Map<String, String> key) {
        return entry(section, key).orElseThrow(() -> new SparkwiseException(ErrorCode.USAGE,
                "price catalog has no " + CatalogEntry.name(section, ordered(section, key)) + " (known: "
                        + entries(section).stream().map(e -> String.join("/", e.key().values())).collect(Collectors.joining(", ")) + ")"));
    }

    private static Map<String, String> ordered(String section, Map<String, String> key) {
        Map<String, String> ordered = new LinkedHashMap<>();
        CatalogSections.keyFields(section).forEach(field -> ordered.put(field, key.getOrDefault(field, "?")));
        return ordered;
    }

    /** An instance type by name, for a provider when given; an error listing close matches when unknown. */
    public InstanceType instance(Optional<String> provider, String type) {
        return new InstanceLookup(this).find(provider.map(p -> p.toLowerCase(Locale.ROOT)), type);
    }

    /** Spot prices and interruption data for the family of an instance type (m for m6i.xlarge, n2 for n2-standard-8). */
    public CatalogEntry spot(InstanceType instance) {
        String family = instance.provider().equals("aws")
                ? instance.type().replaceAll("^([a-z]+).*", "$1")
                : instance.type().replaceAll("^([a-z0-9]+)-.*", "$1");
        return requireEntry(CatalogSections.SPOT, Map.of("provider", instance.provider(), "family", family));
    }

    /** Fees of a platform (emr, emr-serverless, glue, dataproc, databricks, k8s, none). */
    public CatalogEntry platform(String platform) {
        return requireEntry(CatalogSections.PLATFORMS, Map.of("platform", platform.toLowerCase(Locale.ROOT)));
    }

    /** One storage class, e.g. ("aws", "s3", "standard_ia"). */
    public StorageClassPrice storageClass(String provider, String service, String storageClass) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("provider", provider);
        key.put("service", service);
        key.put("class", storageClass);
        return new StorageClassPrice(requireEntry(CatalogSections.STORAGE, key));
    }

    /** The storage classes of one service, in catalog order (e.g. s3: standard, standard_ia, ...). */
    public List<StorageClassPrice> storageClasses(String provider, String service) {
        return entries(CatalogSections.STORAGE).stream()
                .filter(e -> e.key().get("provider").equals(provider) && e.key().get("service").equals(service))
                .map(StorageClassPrice::new).toList();
    }

    /** A warehouse's prices (bigquery, redshift_serverless, athena, snowflake, ...). */
    public CatalogEntry warehouse(String warehouse) {
        return requireEntry(CatalogSections.WAREHOUSES, Map.of("warehouse", warehouse));
    }
}
