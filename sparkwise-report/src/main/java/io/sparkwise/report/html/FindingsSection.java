package io.sparkwise.report.html;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every finding, ranked as the analysis ranked it, with evidence and fix; then the merged configuration. */
final class FindingsSection {

    private FindingsSection() {
    }

    static void write(Html html, Analysis analysis) {
        List<Finding> findings = analysis.findings();
        if (findings.isEmpty()) {
            html.element("p", "No findings: no rule found a problem in this log.", "class", "note");
        } else {
            html.element("p", counts(findings) + ", most costly first.");
            html.open("ol", "class", "findings", "id", "findings-list");
            for (Finding f : findings) {
                finding(html, f);
            }
            html.close("ol");
        }
        recommendedConfig(html, analysis);
        if (!analysis.ruleErrors().isEmpty()) {
            html.element("h3", "Rules that failed on this log (please report)");
            html.open("ul");
            analysis.ruleErrors().forEach(e -> html.element("li", e, "class", "mono"));
            html.close("ul");
        }
    }

    static String counts(List<Finding> findings) {
        long critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        long warning = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        return findings.size() + " findings (" + critical + " critical, " + warning + " warning, "
                + (findings.size() - critical - warning) + " info)";
    }

    private static void finding(Html html, Finding f) {
        html.open("li", "class", "finding " + f.severity().label(), "data-rule", f.ruleId());
        html.element("span", f.severity().label(), "class", "badge " + f.severity().label());
        html.element("b", " " + f.title());
        html.open("div", "class", "meta");
        html.text("rule " + f.ruleId() + ", ");
        scopeLink(html, f.scope());
        if (f.impact().wastedCoreSeconds() > 0) {
            html.text(String.format(Locale.ROOT, ", ~%,.0f core-seconds wasted (%.0f%%)",
                    f.impact().wastedCoreSeconds(), f.impact().estimatedSavingsPct()));
        }
        f.causedBy().ifPresent(c -> html.text(", a symptom of " + c));
        html.close("div");
        if (!f.evidence().isEmpty()) {
            html.open("div", "class", "evidence");
            for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
                html.open("span").element("i", e.getKey()).text(" " + SqlSection.cut(String.valueOf(e.getValue()), 300))
                        .close("span");
            }
            html.close("div");
        }
        if (!f.missingEvidence().isEmpty()) {
            html.element("div", "not in the log: " + String.join(", ", f.missingEvidence()), "class", "note");
        }
        fix(html, f);
        html.close("li");
    }

    static void fix(Html html, Finding f) {
        html.open("div", "class", "fix");
        html.element("b", "Fix: ");
        html.text(f.recommendation().text());
        html.close("div");
        if (!f.recommendation().config().isEmpty()) {
            html.element("pre", confLines(f.recommendation().config()), "class", "conf");
        }
    }

    private static void recommendedConfig(Html html, Analysis analysis) {
        if (analysis.recommendedConfig().isEmpty()) {
            return;
        }
        html.element("h3", "Recommended configuration (all root-cause fixes merged and validated)");
        html.element("pre", confLines(analysis.recommendedConfig()), "class", "conf", "id", "recommended-config");
        if (!analysis.configNotes().isEmpty()) {
            html.open("ul", "class", "note");
            analysis.configNotes().forEach(n -> html.element("li", n));
            html.close("ul");
        }
    }

    private static String confLines(Map<String, String> config) {
        StringBuilder s = new StringBuilder();
        config.forEach((k, v) -> s.append("--conf ").append(k).append('=').append(v).append('\n'));
        return s.toString().stripTrailing();
    }

    /** The scope as text, a link to its stage or query on the page when there is one. */
    static void scopeLink(Html html, Scope scope) {
        if (scope.stageId().isPresent()) {
            html.element("a", scope.describe(), "href", "#stage-" + scope.stageId().getAsInt() + "-"
                    + scope.stageAttemptId().orElse(0));
        } else if (scope.sqlId().isPresent()) {
            html.element("a", scope.describe(), "href", "#sql-" + scope.sqlId().getAsLong());
        } else {
            html.text(scope.describe());
        }
    }
}
