package io.sparkwise.report.markdown;

import io.sparkwise.report.Units;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.Renderer;
import io.sparkwise.report.SafeText;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report sized for a pull-request or chat comment: one health line, the few findings worth
 * acting on with their fixes, the merged configuration ready to paste after {@code spark-submit},
 * and the full numbers folded away in a {@code <details>} block. Nothing in it depends on the
 * time it is written, so the same log always gives the same bytes.
 */
public final class MarkdownReport implements Renderer {

    /** A comment shows the findings worth acting on; the rest are one click away in the details. */
    static final int TOP_FINDINGS = 5;
    static final int TITLE_WIDTH = 200;
    static final int FIX_WIDTH = 400;

    @Override
    public Document begin(Writer out) {
        return Renderer.lines(out, "\n---\n\n", MarkdownReport::lines);
    }

    /** The report of one application, line by line. */
    static List<String> lines(AnalyzedApplication analyzed) {
        Application app = analyzed.application();
        Analysis analysis = analyzed.analysis();
        List<String> lines = new ArrayList<>();
        lines.add("### Sparkwise: " + Markdown.text(displayName(app.info()), TITLE_WIDTH)
                + " (" + Markdown.code(app.info().id()) + ")");
        lines.add("");
        lines.add(healthLine(app, analysis));
        topFindings(analysis, lines);
        recommendedConfig(analysis, lines);
        lines.add("");
        lines.add("<details>");
        lines.add("<summary>Summary numbers and all findings</summary>");
        SummaryMarkdown.lines(app, lines);
        allFindings(analysis, lines);
        lines.add("");
        lines.add("</details>");
        return lines;
    }

    /** "🔴 1 critical, 2 warnings — 14.9 s, local[2], Spark 4.0.1". */
    static String healthLine(Application app, Analysis analysis) {
        long critical = count(analysis, Severity.CRITICAL);
        long warnings = count(analysis, Severity.WARNING);
        String icon = critical > 0 ? "🔴" : warnings > 0 ? "🟡" : "🟢";
        String verdict = critical + warnings == 0 ? "no warnings"
                : critical + " critical, " + warnings + (warnings == 1 ? " warning" : " warnings");
        ApplicationInfo info = app.info();
        return icon + " **" + verdict + "** — " + Units.millis(info.duration())
                + (info.completed() ? "" : " (incomplete)")
                + ", " + Markdown.code(info.master().orElse(info.clusterManager().label()))
                + ", Spark " + Markdown.text(info.sparkVersion().orElse("version unknown"), 40);
    }

    private static void topFindings(Analysis analysis, List<String> lines) {
        List<Finding> findings = analysis.findings();
        if (findings.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(findings.size() > TOP_FINDINGS
                ? "**Top " + TOP_FINDINGS + " of " + findings.size() + " findings**, most costly first:"
                : "**Findings**, most costly first:");
        lines.add("");
        int n = 1;
        for (Finding f : findings.subList(0, Math.min(TOP_FINDINGS, findings.size()))) {
            lines.add(n++ + ". " + icon(f.severity()) + " **" + Markdown.text(f.title(), TITLE_WIDTH) + "**  ");
            lines.add("   " + Markdown.code(f.ruleId()) + ", " + Markdown.text(f.scope().describe(), TITLE_WIDTH) + wasted(f) + "  ");
            lines.add("   Fix: " + Markdown.text(f.recommendation().text(), FIX_WIDTH) + settings(f));
        }
    }

    private static void recommendedConfig(Analysis analysis, List<String> lines) {
        if (analysis.recommendedConfig().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("**Recommended configuration** (all fixes merged and validated), for `spark-submit`:");
        lines.add("");
        lines.add("```sh");
        // Sorted: the analysis keeps the merged set in a map without a stable order.
        new TreeMap<>(analysis.recommendedConfig()).forEach((k, v) -> lines.add("--conf " + shellWord(SafeText.line(k + "=" + v)) + " \\"));
        lines.add("```");
        analysis.configNotes().forEach(note -> lines.add("- note: " + Markdown.text(note, FIX_WIDTH)));
    }

    private static void allFindings(Analysis analysis, List<String> lines) {
        lines.add("");
        if (analysis.findings().isEmpty()) {
            lines.add("**All findings**: none");
            return;
        }
        lines.add("**All findings** (" + analysis.findings().size() + ")");
        lines.add("");
        lines.add(Markdown.row("#", "severity", "rule", "scope", "finding", "wasted core-s"));
        lines.add("|---:|---|---|---|---|---:|");
        int n = 1;
        for (Finding f : analysis.findings()) {
            lines.add(Markdown.row(String.valueOf(n++), f.severity().label(), Markdown.code(f.ruleId()),
                    Markdown.text(f.scope().describe(), TITLE_WIDTH), Markdown.text(f.title(), TITLE_WIDTH),
                    String.format(Locale.ROOT, "%,.0f", f.impact().wastedCoreSeconds())));
        }
        if (!analysis.ruleErrors().isEmpty()) {
            lines.add("");
            lines.add("Rules that failed on this log (please report):");
            analysis.ruleErrors().forEach(e -> lines.add("- " + Markdown.text(e, FIX_WIDTH)));
        }
    }

    private static String wasted(Finding f) {
        double wasted = f.impact().wastedCoreSeconds();
        return wasted <= 0 ? "" : String.format(Locale.ROOT, ", ~%,.0f core-seconds wasted (%.0f%%)",
                wasted, f.impact().estimatedSavingsPct());
    }

    private static String settings(Finding f) {
        Map<String, String> config = f.recommendation().config();
        if (config.isEmpty()) {
            return "";
        }
        List<String> spans = new ArrayList<>();
        config.forEach((k, v) -> spans.add(Markdown.code(k + "=" + v)));
        return " (" + String.join(", ", spans) + ")";
    }

    static String icon(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "🔴";
            case WARNING -> "🟡";
            case INFO -> "🔵";
        };
    }

    private static long count(Analysis analysis, Severity severity) {
        return analysis.findings().stream().filter(f -> f.severity() == severity).count();
    }

    private static String displayName(ApplicationInfo info) {
        return info.name().isEmpty() ? "(name not in the log)" : info.name();
    }

    /** Quotes a {@code key=value} for the shell only when it holds characters the shell would read. */
    private static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_.,:/=@%+-]*") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
