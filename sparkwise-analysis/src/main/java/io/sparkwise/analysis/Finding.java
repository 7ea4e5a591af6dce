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
 * <p>Its {@link #key()} (rule id + scope, and the subject when a rule can report several things in one
 * scope) identifies it within one analysis and across analyses of the same application, so a
 * finding can be deduplicated, tracked while the application runs and compared between runs.
 *
 * @param subject what within the scope the finding is about, for rules that can report several
 *     findings in one scope (a plan node, a setting, a relation); empty for the others
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
        Optional<String> subject,
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
        requireNonNull(subject, "subject is null");
        if (subject.isPresent() && subject.get().isBlank()) {
            throw new IllegalArgumentException("subject is blank");
        }
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        requireNonNull(impact, "impact is null");
        requireNonNull(recommendation, "recommendation is null");
        missingEvidence = List.copyOf(missingEvidence);
        requireNonNull(causedBy, "causedBy is null");
    }

    /** A finding with no subject: the rule reports at most one finding per scope. */
    public Finding(String ruleId, Severity severity, String title, Scope scope, Map<String, Object> evidence,
                   Impact impact, Recommendation recommendation, List<String> missingEvidence,
                   Optional<String> causedBy) {
        this(ruleId, severity, title, scope, Optional.empty(), evidence, impact, recommendation, missingEvidence,
                causedBy);
    }

    /**
     * The stable identity of this finding: {@code ruleId@scope}, with {@code #subject} when it has
     * one, e.g. {@code skew.task-duration@stage:3.0}, {@code failures.failed-jobs@job:4},
     * {@code sql.large-broadcast@sql:2#node:7}, {@code resources.idle-executors@application}
     * (docs/rules.md, "Finding keys"). One analysis never holds two findings with the same key.
     */
    public String key() {
        return ruleId + "@" + scope.key() + subject.map(s -> "#" + s).orElse("");
    }

    public Finding withSubject(String newSubject) {
        return new Finding(ruleId, severity, title, scope, Optional.of(newSubject), evidence, impact, recommendation,
                missingEvidence, causedBy);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, title, scope, subject, evidence, impact, recommendation, missingEvidence,
                causedBy);
    }

    public Finding withCausedBy(String rootRuleId) {
        return new Finding(ruleId, severity, title, scope, subject, evidence, impact, recommendation, missingEvidence,
                Optional.of(rootRuleId));
    }

    public Finding withRecommendation(Recommendation newRecommendation) {
        return new Finding(ruleId, severity, title, scope, subject, evidence, impact, newRecommendation,
                missingEvidence, causedBy);
    }
}
