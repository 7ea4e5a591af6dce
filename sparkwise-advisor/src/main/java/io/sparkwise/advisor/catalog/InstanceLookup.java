package io.sparkwise.advisor.catalog;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an instance type: listed in the catalog; else an AWS size derived from the family's xlarge
 * by the doubling rule (large = 1/2, Nxlarge = N x xlarge); else a GCP predefined type
 * {@code <family>-<shape>-<vcpus>} priced by its family's per-vCPU and per-GiB rates.
 */
final class InstanceLookup {

    static final Pattern AWS_SIZE = Pattern.compile("([a-z][a-z0-9-]*)\\.(large|xlarge|(\\d+)xlarge)");
    static final Pattern GCP_TYPE = Pattern.compile("([a-z][a-z0-9]*)-([a-z]+)-(\\d+)");
    private static final List<String> AWS_SIZES = List.of("large", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge");

    private final PriceCatalog catalog;

    InstanceLookup(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    InstanceType find(Optional<String> provider, String requested) {
        String type = requested.trim().toLowerCase(Locale.ROOT);
        for (CatalogEntry entry : catalog.entries(CatalogSections.INSTANCES)) {
            if (entry.key().get("type").equals(type) && provider.map(p -> p.equals(entry.key().get("provider"))).orElse(true)) {
                return listed(entry);
            }
        }
        Matcher aws = AWS_SIZE.matcher(type);
        if (aws.matches() && provider.map("aws"::equals).orElse(true)) {
            Optional<InstanceType> derived = doubled(aws.group(1), aws.group(2), aws.group(3));
            if (derived.isPresent()) {
                return derived.get();
            }
        }
        Matcher gcp = GCP_TYPE.matcher(type);
        if (gcp.matches()) {
            Optional<InstanceType> formula = fromFamily(provider, gcp.group(1), gcp.group(2), Integer.parseInt(gcp.group(3)));
            if (formula.isPresent()) {
                return formula.get();
            }
        }
        throw new SparkwiseException(ErrorCode.USAGE, "unknown instance type '" + requested + "'"
                + provider.map(p -> " for provider " + p).orElse("") + " in the price catalog; close matches: "
                + String.join(", ", closeMatches(type)) + " (add it with --catalog FILE, see docs/advisor.md)");
    }

    private static InstanceType listed(CatalogEntry entry) {
        return new InstanceType(entry.key().get("provider"), entry.key().get("region"), entry.key().get("type"),
                entry.price("vcpu").value(), entry.price("memory_gib").value(),
                entry.optionalPrice("local_ssd_gib").map(Price::value).orElse(0.0),
                entry.attribute("arch").orElse("unknown"), entry.price("on_demand_per_hour"));
    }

    private Optional<InstanceType> doubled(String family, String size, String multiplierText) {
        double multiplier = size.equals("large") ? 0.5 : size.equals("xlarge") ? 1 : Integer.parseInt(multiplierText);
        if (multiplier <= 0) {
            return Optional.empty();
        }
        return catalog.entries(CatalogSections.INSTANCES).stream()
                .filter(e -> e.key().get("provider").equals("aws") && e.key().get("type").equals(family + ".xlarge"))
                .findFirst()
                .map(InstanceLookup::listed)
                .map(base -> {
                    String type = family + "." + size;
                    String how = String.format(Locale.ROOT, "derived: %s x %s %s by the AWS size doubling rule",
                            Prices.number(multiplier), base.type(), Prices.number(base.onDemandPerHour().value()));
                    Price price = base.onDemandPerHour().derived("instances[aws/" + base.region() + "/" + type + "].on_demand_per_hour",
                            base.onDemandPerHour().value() * multiplier, how);
                    return new InstanceType("aws", base.region(), type, base.vcpu() * multiplier, base.memoryGib() * multiplier,
                            base.localSsdGib() * multiplier, base.arch(), price);
                });
    }

    private Optional<InstanceType> fromFamily(Optional<String> provider, String family, String shape, int vcpus) {
        for (CatalogEntry entry : catalog.entries(CatalogSections.INSTANCE_FAMILIES)) {
            if (!entry.key().get("family").equals(family) || !provider.map(p -> p.equals(entry.key().get("provider"))).orElse(true)) {
                continue;
            }
            Optional<Price> gibPerVcpu = entry.optionalPrice("gib_per_vcpu", shape);
            if (gibPerVcpu.isEmpty() || vcpus <= 0) {
                return Optional.empty();
            }
            Price perVcpu = entry.price("per_vcpu_hour");
            Price perGib = entry.price("per_gib_hour");
            double memory = vcpus * gibPerVcpu.get().value();
            double value = vcpus * perVcpu.value() + memory * perGib.value();
            String type = family + "-" + shape + "-" + vcpus;
            String how = String.format(Locale.ROOT, "%d vCPU x %s + %s GiB x %s", vcpus, Prices.number(perVcpu.value()),
                    Prices.number(memory), Prices.number(perGib.value()));
            Confidence confidence = perVcpu.confidence().and(perGib.confidence()).and(gibPerVcpu.get().confidence());
            String key = "instances[" + entry.key().get("provider") + "/" + entry.key().get("region") + "/" + type + "].on_demand_per_hour";
            Price price = new Price(key, value,
                    perVcpu.source(), perVcpu.asOf(), confidence, Optional.of(how));
            return Optional.of(new InstanceType(entry.key().get("provider"), entry.key().get("region"), type, vcpus, memory,
                    0, entry.attribute("arch").orElse("x86_64"), price));
        }
        return Optional.empty();
    }

    /** The three known or derivable type names nearest to {@code type} (edit distance). */
    List<String> closeMatches(String type) {
        List<String> candidates = new ArrayList<>();
        for (CatalogEntry entry : catalog.entries(CatalogSections.INSTANCES)) {
            String known = entry.key().get("type");
            candidates.add(known);
            if (known.endsWith(".xlarge")) {
                String family = known.substring(0, known.length() - ".xlarge".length());
                AWS_SIZES.forEach(size -> candidates.add(family + "." + size));
            }
        }
        for (CatalogEntry entry : catalog.entries(CatalogSections.INSTANCE_FAMILIES)) {
            String family = entry.key().get("family");
            for (String priced : entry.prices().keySet()) {
                if (priced.startsWith("gib_per_vcpu.")) {
                    String shape = priced.substring("gib_per_vcpu.".length());
                    for (int vcpus : new int[] {2, 4, 8, 16, 32, 48, 64, 80, 96, 128}) {
                        candidates.add(family + "-" + shape + "-" + vcpus);
                    }
                }
            }
        }
        return candidates.stream().distinct()
                .sorted(Comparator.comparingInt((String c) -> editDistance(type, c)).thenComparing(c -> c))
                .limit(3).toList();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
