package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.config.ConfigValidator;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks a rule's proposed settings against the application's before the rule shows them. */
public final class Proposals {

    private Proposals() {
    }

    /**
     * True when the proposal, applied on top of {@code current}, adds no validator problem that the
     * current configuration did not already have (a rule is not blamed for what it did not write).
     */
    public static boolean valid(Map<String, String> current, Map<String, String> proposed) {
        ConfigValidator validator = new ConfigValidator();
        Set<String> before = new HashSet<>();
        validator.validate(current, Map.of()).problems().forEach(p -> before.add(p.message()));
        return validator.validate(current, proposed).problems().stream().allMatch(p -> before.contains(p.message()));
    }
}
