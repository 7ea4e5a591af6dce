package io.sparkwise.analysis;

import io.sparkwise.analysis.config.ConfigMerger;
import io.sparkwise.analysis.rules.BuiltInRules;
import io.sparkwise.model.Application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Runs the enabled rules over an application, links symptoms to their root causes, ranks the
 * findings by cost and merges their configuration fixes into one validated set. Each rule judges the
 * whole application at once here; {@link LiveAnalyzer} runs the same rules while an application runs.
 */
public final class Analyzer {

    /** Rank: worst severity first, then the most wasted core-seconds, then rule id for stability. */
    static final Comparator<Finding> RANKING = Comparator
            .comparing(Finding::severity).reversed()
            .thenComparing(Comparator.comparingDouble((Finding f) -> f.impact().wastedCoreSeconds()).reversed())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.scope().describe());

    private final List<Rule> rules;

    public Analyzer(List<Rule> rules) {
        this.rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    public static Analyzer withBuiltInRules() {
        return new Analyzer(BuiltInRules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public Analysis analyze(Application application, Thresholds thresholds) {
        AnalysisContext context = new AnalysisContext(application, thresholds);
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Rule rule : rules) {
            if (!thresholds.rule(rule.id()).enabled()) {
                continue;
            }
            try {
                findings.addAll(rule.evaluate(context));
            } catch (RuntimeException e) {
                // One broken rule must not hide the others' findings.
                errors.add(rule.id() + ": " + e);
            }
        }
        List<Finding> linked = RootCauses.link(findings);
        linked.sort(RANKING);
        ConfigMerger.Merged merged = new ConfigMerger().merge(linked, application.environment().sparkProperties());
        return new Analysis(linked, merged.config(), merged.notes(), errors);
    }
}
