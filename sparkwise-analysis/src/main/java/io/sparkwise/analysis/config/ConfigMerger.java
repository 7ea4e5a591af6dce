package io.sparkwise.analysis.config;

import io.sparkwise.analysis.Finding;
import io.sparkwise.model.spark.SparkSizes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Merges the config fixes of several findings into one set and validates it. Symptoms (findings
 * linked to a cause) contribute nothing. When two findings want different values for a size or a
 * count, the larger wins (a larger heap or more partitions serves both); for anything else the
 * higher-ranked finding wins. A set that fails validation is repaired where the repair is
 * unambiguous (dynamic allocation bounds) and otherwise loses the offending keys, with a note.
 */
public final class ConfigMerger {

    public record Merged(Map<String, String> config, List<String> notes) {
    }

    private final ConfigValidator validator;

    public ConfigMerger() {
        this(new ConfigValidator());
    }

    public ConfigMerger(ConfigValidator validator) {
        this.validator = validator;
    }

    public Merged merge(List<Finding> rankedFindings, Map<String, String> current) {
        Map<String, String> merged = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Finding f : rankedFindings) {
            if (f.causedBy().isPresent()) {
                continue;
            }
            f.recommendation().config().forEach((key, value) -> {
                String existing = merged.get(key);
                if (existing == null) {
                    merged.put(key, value);
                } else if (!existing.equals(value)) {
                    String kept = larger(key, existing, value);
                    merged.put(key, kept);
                    notes.add(key + ": " + f.ruleId() + " proposed " + value + ", kept " + kept);
                }
            });
        }
        repairDynamicAllocation(merged, current, notes);
        ConfigValidator.Result result = validator.validate(current, merged);
        if (!result.valid()) {
            for (ConfigValidator.Problem problem : result.problems()) {
                if (merged.remove(problem.key()) != null) {
                    notes.add("dropped " + problem.key() + ": " + problem.message());
                } else {
                    notes.add("already in the application's configuration: " + problem.message());
                }
            }
        }
        return new Merged(merged, notes);
    }

    private static String larger(String key, String a, String b) {
        if (ConfigValidator.isSizeKey(key)) {
            OptionalLong x = SparkSizes.parseBytes(a, 1024 * 1024);
            OptionalLong y = SparkSizes.parseBytes(b, 1024 * 1024);
            if (x.isPresent() && y.isPresent()) {
                return x.getAsLong() >= y.getAsLong() ? a : b;
            }
        }
        if (ConfigValidator.isIntKey(key)) {
            try {
                return Long.parseLong(a.trim()) >= Long.parseLong(b.trim()) ? a : b;
            } catch (NumberFormatException ignored) {
                return a;
            }
        }
        return a;
    }

    /** Keeps min <= initial <= max, raising max or lowering initial as the proposal implies. */
    private static void repairDynamicAllocation(Map<String, String> merged, Map<String, String> current,
                                                List<String> notes) {
        Map<String, String> effective = new LinkedHashMap<>(current);
        effective.putAll(merged);
        if (!"true".equals(effective.get("spark.dynamicAllocation.enabled"))) {
            return;
        }
        long min = number(effective.get("spark.dynamicAllocation.minExecutors"), 0);
        long max = number(effective.get("spark.dynamicAllocation.maxExecutors"), Integer.MAX_VALUE);
        long initial = number(effective.get("spark.dynamicAllocation.initialExecutors"), min);
        if (merged.containsKey("spark.dynamicAllocation.initialExecutors") && initial > max) {
            merged.put("spark.dynamicAllocation.initialExecutors", String.valueOf(max));
            notes.add("spark.dynamicAllocation.initialExecutors lowered to maxExecutors (" + max + ")");
        } else if (merged.containsKey("spark.dynamicAllocation.minExecutors") && min > max) {
            merged.put("spark.dynamicAllocation.maxExecutors", String.valueOf(min));
            notes.add("spark.dynamicAllocation.maxExecutors raised to minExecutors (" + min + ")");
        }
    }

    private static long number(String v, long fallback) {
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
