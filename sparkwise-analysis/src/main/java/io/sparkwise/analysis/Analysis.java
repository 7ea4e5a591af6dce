package io.sparkwise.analysis;

import java.util.List;
import java.util.Map;

/**
 * The result of analyzing one application.
 *
 * @param findings ranked: severity first, then wasted core-seconds
 * @param recommendedConfig the config fixes of all root-cause findings merged into one set that
 *     passed the validator
 * @param configNotes what merging and validating changed or dropped, and why
 * @param ruleErrors rules that failed on this log (a bug, reported instead of stopping the analysis)
 */
public record Analysis(
        List<Finding> findings,
        Map<String, String> recommendedConfig,
        List<String> configNotes,
        List<String> ruleErrors) {

    public Analysis {
        findings = List.copyOf(findings);
        // Sorted by key: stable output whatever order the findings proposed the settings in.
        recommendedConfig = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(recommendedConfig));
        configNotes = List.copyOf(configNotes);
        ruleErrors = List.copyOf(ruleErrors);
    }

    /** The worst severity among the findings; INFO when there are none. */
    public Severity worstSeverity() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
    }

    public boolean hasAtLeast(Severity severity) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(severity));
    }
}
