package io.sparkwise.report.html;

import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.rules.sql.NativeOperators;
import io.sparkwise.analysis.rules.sql.NativeOperators.Kind;
import io.sparkwise.model.SparkPlanNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which plan nodes a SQL finding points at. A finding names an operator kind by its rule (a
 * sort-merge-join rule is about SortMergeJoin nodes) and often the operator itself in its
 * evidence ({@code operator}, {@code scan}); when it does, only nodes with that name are marked.
 */
final class PlanHighlights {

    /** Rule id to the operator kinds it is about; the ids and evidence keys of rules/sql. */
    private static final Map<String, Set<Kind>> KINDS = Map.of(
            "sql.cartesian-product", EnumSet.of(Kind.CARTESIAN_PRODUCT, Kind.NESTED_LOOP_JOIN),
            "sql.large-broadcast", EnumSet.of(Kind.BROADCAST_EXCHANGE),
            "sql.many-exchanges", EnumSet.of(Kind.SHUFFLE_EXCHANGE),
            "sql.repeated-scan", EnumSet.of(Kind.SCAN),
            "sql.scan-no-partition-filter", EnumSet.of(Kind.SCAN),
            "sql.scan-no-pushed-filters", EnumSet.of(Kind.SCAN),
            "sql.sort-merge-join-small-side", EnumSet.of(Kind.SORT_MERGE_JOIN),
            "sql.udf", EnumSet.of(Kind.PYTHON_UDF));

    private final List<Finding> findings;

    /** {@code findings}: those whose scope is the query being drawn. */
    PlanHighlights(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    /** Rule ids of the findings that point at {@code node}; empty when none does. */
    List<String> rulesAt(SparkPlanNode node) {
        List<String> rules = new ArrayList<>();
        for (Finding f : findings) {
            if (pointsAt(f, node) && !rules.contains(f.ruleId())) {
                rules.add(f.ruleId());
            }
        }
        return rules;
    }

    static boolean pointsAt(Finding finding, SparkPlanNode node) {
        Set<Kind> kinds = KINDS.get(finding.ruleId());
        if (kinds == null || !kinds.contains(NativeOperators.kindOf(node.nodeName()))) {
            return false;
        }
        String name = node.nodeName().trim();
        Object operator = finding.evidence().get("operator");
        if (operator instanceof String op && !op.equals(name)) {
            return false;
        }
        Object scan = finding.evidence().get("scan");
        if (scan instanceof String s) {
            // Rules shorten long scan names to 120 characters, ending in "...".
            String prefix = s.endsWith("...") ? s.substring(0, s.length() - 3) : s;
            return s.endsWith("...") ? name.startsWith(prefix) : name.equals(s);
        }
        return true;
    }
}
