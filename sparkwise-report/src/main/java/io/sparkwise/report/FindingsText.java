package io.sparkwise.report;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings section of the text report: ranked by impact, each with its evidence and fix.
 * Titles, evidence and fixes can quote the log (stage names, property values): each is made safe
 * for one terminal line with {@link SafeText#line}; only the report's own color codes stay raw.
 */
final class FindingsText {

    static final int EVIDENCE_SHOWN = 6;

    private FindingsText() {
    }

    private static final String RESET = "\u001b[0m";

    static void lines(Analysis analysis, List<String> lines, boolean color) {
        lines.add("");
        List<Finding> findings = analysis.findings();
        if (findings.isEmpty()) {
            lines.add("Findings: none");
        } else {
            long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
            lines.add("Findings: " + findings.size() + " (" + critical + " critical, " + warnings + " warning, "
                    + (findings.size() - warnings - critical) + " info), most costly first");
            int n = 1;
            for (Finding f : findings) {
                finding(n++, f, lines, color);
            }
        }
        if (!analysis.recommendedConfig().isEmpty()) {
            lines.add("");
            lines.add("Recommended configuration (all root-cause fixes merged and validated)");
            analysis.recommendedConfig().forEach((k, v) -> lines.add("  --conf " + SafeText.line(k + "=" + v)));
            analysis.configNotes().forEach(note -> lines.add("  note: " + SafeText.line(note)));
        }
        if (!analysis.ruleErrors().isEmpty()) {
            lines.add("");
            lines.add("Rules that failed on this log (please report):");
            analysis.ruleErrors().forEach(e -> lines.add("  " + SafeText.line(e)));
        }
    }

    private static void finding(int n, Finding f, List<String> lines, boolean color) {
        lines.add("");
        String label = "[" + f.severity().label().toUpperCase(Locale.ROOT) + "]";
        if (color) {
            label = colorOf(f.severity()) + label + RESET;
        }
        lines.add(String.format(Locale.ROOT, "  %d. %s %s", n, label, SafeText.line(f.title())));
        lines.add("     rule " + f.ruleId() + ", " + SafeText.line(f.scope().describe())
                + (f.impact().wastedCoreSeconds() > 0
                ? String.format(Locale.ROOT, ", ~%,.0f core-seconds wasted (%.0f%%)",
                f.impact().wastedCoreSeconds(), f.impact().estimatedSavingsPct())
                : ""));
        StringBuilder evidence = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
            if (shown++ == EVIDENCE_SHOWN) {
                break;
            }
            evidence.append(shown == 1 ? "" : ", ").append(SafeText.line(e.getKey())).append('=').append(value(e.getValue()));
        }
        if (evidence.length() > 0) {
            lines.add("     evidence: " + evidence);
        }
        if (!f.missingEvidence().isEmpty()) {
            lines.add("     not in the log: " + SafeText.line(String.join(", ", f.missingEvidence())));
        }
        f.causedBy().ifPresent(cause -> lines.add("     caused by: " + SafeText.line(cause)));
        lines.add("     fix: " + SafeText.line(f.recommendation().text()));
        f.recommendation().config().forEach((k, v) -> lines.add("       --conf " + SafeText.line(k + "=" + v)));
    }

    /** Red for critical, yellow for warning, dim for info. */
    private static String colorOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[2m";
        };
    }

    private static String value(Object v) {
        return SafeText.cut(SafeText.line(String.valueOf(v)), 80, "...");
    }
}
