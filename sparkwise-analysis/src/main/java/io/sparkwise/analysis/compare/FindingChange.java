package io.sparkwise.analysis.compare;

import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;

import static java.util.Objects.requireNonNull;

/**
 * A finding only one of the runs has, named by rule id and scope.
 *
 * @param scope the scope as {@code Scope.describe()} writes it ("stage 3.0", "application")
 */
public record FindingChange(String ruleId, String scope, Severity severity, String title, double wastedCoreSeconds) {

    public FindingChange {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(title, "title is null");
    }

    static FindingChange of(Finding finding) {
        return new FindingChange(finding.ruleId(), finding.scope().describe(), finding.severity(), finding.title(),
                finding.impact().wastedCoreSeconds());
    }

    /** What identifies "the same finding" in both runs. */
    String key() {
        return ruleId + " @ " + scope;
    }
}
