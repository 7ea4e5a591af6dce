package io.sparkwise.server.db;

import static java.util.Objects.requireNonNull;

/** One stored finding of an attempt, by its stable key (docs/rules.md, "Finding keys"). */
public record FindingRow(String key, String ruleId, String severity, String title, double wastedCoreSeconds) {

    public FindingRow {
        requireNonNull(key, "key is null");
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(title, "title is null");
    }
}
