package io.sparkwise.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links symptoms to causes within one stage: skew or bad partitioning causes spill, spill causes
 * GC pressure, and all of them cause out-of-memory failures and lost executors. A symptom keeps its
 * evidence but points to its cause instead of repeating a fix that would treat the symptom.
 */
final class RootCauses {

    private static final Map<RuleCategory, Set<RuleCategory>> CAUSES = Map.of(
            RuleCategory.SPILL_AND_MEMORY, EnumSet.of(RuleCategory.SKEW, RuleCategory.PARTITIONING),
            RuleCategory.GC, EnumSet.of(RuleCategory.SKEW, RuleCategory.PARTITIONING, RuleCategory.SPILL_AND_MEMORY),
            RuleCategory.FAILURES, EnumSet.of(RuleCategory.SKEW, RuleCategory.PARTITIONING,
                    RuleCategory.SPILL_AND_MEMORY, RuleCategory.GC));

    private RootCauses() {
    }

    static List<Finding> link(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(cause(f, findings).map(c -> asSymptom(f, c)).orElse(f));
        }
        return out;
    }

    private static java.util.Optional<Finding> cause(Finding symptom, List<Finding> all) {
        if (symptom.scope().stageId().isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<RuleCategory> causes = CAUSES.getOrDefault(RuleCategories.of(symptom.ruleId()), Set.of());
        return all.stream()
                .filter(c -> c != symptom && c.scope().equals(symptom.scope()))
                .filter(c -> causes.contains(RuleCategories.of(c.ruleId())))
                .min(java.util.Comparator.comparing(c -> RuleCategories.of(c.ruleId())));
    }

    private static Finding asSymptom(Finding symptom, Finding cause) {
        Recommendation pointer = Recommendation.text("A symptom of " + cause.ruleId() + " in the same stage ("
                + cause.title() + "): fix that first; " + symptom.recommendation().text());
        return symptom.withCausedBy(cause.ruleId()).withRecommendation(pointer);
    }
}
