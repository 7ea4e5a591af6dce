package io.sparkwise.analysis;

import java.util.Locale;

/** The family of a rule id: its prefix before the first dot ("skew.task-duration" is SKEW). */
final class RuleCategories {

    private RuleCategories() {
    }

    static RuleCategory of(String ruleId) {
        int dot = ruleId.indexOf('.');
        String prefix = (dot < 0 ? ruleId : ruleId.substring(0, dot)).toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (prefix) {
            case "SKEW" -> RuleCategory.SKEW;
            case "PARTITIONING" -> RuleCategory.PARTITIONING;
            case "SQL" -> RuleCategory.SQL_PLAN;
            case "MEMORY", "SPILL" -> RuleCategory.SPILL_AND_MEMORY;
            case "GC" -> RuleCategory.GC;
            case "FAILURES" -> RuleCategory.FAILURES;
            case "RESOURCES" -> RuleCategory.RESOURCES;
            default -> RuleCategory.CONFIGURATION;
        };
    }
}
