package io.sparkwise.analysis;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** The thresholds of one rule and whether it runs, from the shipped defaults and the user's file. */
public record RuleSettings(String ruleId, boolean enabled, Map<String, Double> values) {

    public RuleSettings {
        requireNonNull(ruleId, "ruleId is null");
        values = Map.copyOf(values);
    }

    /** A threshold; a missing key is a bug in the rule or its defaults file, not a user error. */
    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("rule " + ruleId + " has no threshold '" + key + "' in its defaults; has "
                    + new TreeMap<>(values).keySet());
        }
        return v;
    }

    public long getLong(String key) {
        return Math.round(get(key));
    }
}
