package io.sparkwise.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One diagnosed problem, with the evidence that shows it, what it costs and how to fix it.
 *
 * @param evidence metric name to value (numbers in the History Server's units, or text), in the
 *     order a reader should see them
 * @param missingEvidence metrics the rule would have used but the log does not record
 * @param causedBy the rule id of a finding this one is a symptom of, when the analyzer linked them
 */
public record Finding(
        String ruleId,
        Severity severity,
        String title,
        Scope scope,
        Map<String, Object> evidence,
        Impact impact,
        Recommendation recommendation,
        List<String> missingEvidence,
        Optional<String> causedBy) {

    public Finding {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(title, "title is null");
        requireNonNull(scope, "scope is null");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        requireNonNull(impact, "impact is null");
        requireNonNull(recommendation, "recommendation is null");
        missingEvidence = List.copyOf(missingEvidence);
        requireNonNull(causedBy, "causedBy is null");
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, title, scope, evidence, impact, recommendation, missingEvidence, causedBy);
    }

    public Finding withCausedBy(String rootRuleId) {
        return new Finding(ruleId, severity, title, scope, evidence, impact, recommendation, missingEvidence,
                Optional.of(rootRuleId));
    }

    public Finding withRecommendation(Recommendation newRecommendation) {
        return new Finding(ruleId, severity, title, scope, evidence, impact, newRecommendation, missingEvidence, causedBy);
    }
}
