package io.sparkwise.demo.runner;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.TextTable;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table `demo` ends with: per scenario, its wall time, the findings by severity, and whether
 * the rules its manifest expects fired.
 */
final class DemoSummary {

    /**
     * One line of the demo's stdout protocol:
     * {@code EVENTLOG <path>[\t<scenario>\t<wall ms>\t<rules>[\t<code fix>]]}. The extras are
     * optional, so a demo main that prints only the path still works.
     *
     * @param codeFix what the run changed in the scenario's code (its fixed variant); empty for none
     */
    record ScenarioLog(String path, String scenario, long wallMs, Set<String> expectedRules, String codeFix) {

        static ScenarioLog parse(String line) {
            String[] parts = line.split("\t", -1);
            String path = parts[0];
            String scenario = parts.length > 1 ? parts[1] : String.valueOf(Path.of(path).getFileName());
            long wall = parts.length > 2 ? Long.parseLong(parts[2]) : -1;
            Set<String> rules = parts.length > 3 && !parts[3].isEmpty()
                    ? new TreeSet<>(Arrays.asList(parts[3].split(","))) : Set.of();
            return new ScenarioLog(path, scenario, wall, rules, parts.length > 4 ? parts[4] : "");
        }
    }

    /** An event log read and analyzed with the shipped rules and thresholds. */
    record AnalyzedLog(Application application, Analysis analysis) {

        /** @throws SparkwiseException when the log cannot be read */
        static AnalyzedLog of(String path) {
            EventLogReader reader = new EventLogReader();
            Application application = reader.read(reader.discover(path).get(0));
            return new AnalyzedLog(application, Analyzer.withBuiltInRules().analyze(application, Thresholds.defaults()));
        }

        Set<String> firedRules() {
            return DemoSummary.firedRules(analysis);
        }
    }

    private DemoSummary() {
    }

    /** Longest fix line shown under the table; the full advice is in the report. */
    static final int MAX_FIX_CHARS = 110;

    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z])");

    static void print(List<ScenarioLog> logs, PrintWriter out) {
        TextTable table = new TextTable("SCENARIO", "WALL TIME>", "CRITICAL>", "WARNING>", "INFO>", "EXPECTED RULES");
        List<String> fixes = new ArrayList<>();
        for (ScenarioLog log : logs) {
            String wall = log.wallMs() < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", log.wallMs() / 1000.0);
            try {
                Analysis analysis = AnalyzedLog.of(log.path()).analysis();
                table.row(log.scenario(), wall, count(analysis, Severity.CRITICAL), count(analysis, Severity.WARNING),
                        count(analysis, Severity.INFO), expected(log.expectedRules(), analysis));
                fix(log.expectedRules(), analysis).ifPresent(fix -> fixes.add("  " + log.scenario() + ": " + fix));
            } catch (SparkwiseException e) {
                table.row(log.scenario(), wall, "-", "-", "-", "log unreadable: " + e.getMessage());
            }
        }
        out.println();
        out.println("Demo summary");
        table.lines("  ").forEach(out::println);
        if (!fixes.isEmpty()) {
            out.println();
            out.println("Fixes Sparkwise recommends (check that they work: ./sparkwise demo --verify-fixes)");
            fixes.forEach(out::println);
        }
        out.flush();
    }

    /**
     * The fix for a scenario's injected problem: the merged config when there is one (what
     * {@code --verify-fixes} applies), else the advice of the first expected rule that fired (a
     * change in the code or the data), cut to its first sentence. Empty for the clean baseline.
     */
    static Optional<String> fix(Set<String> expectedRules, Analysis analysis) {
        if (expectedRules.isEmpty()) {
            return Optional.empty();
        }
        if (!analysis.recommendedConfig().isEmpty()) {
            List<String> conf = new ArrayList<>();
            analysis.recommendedConfig().forEach((k, v) -> conf.add("--conf " + k + "=" + v));
            return Optional.of(String.join(" ", conf));
        }
        return analysis.findings().stream().filter(f -> expectedRules.contains(f.ruleId())).findFirst()
                .map(f -> "(code) " + firstSentence(f.recommendation().text()));
    }

    static String firstSentence(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        // A sentence ends at a full stop before a capital letter, so "(e.g. `a.k = b.k`)" does not end it.
        Matcher end = SENTENCE_END.matcher(line);
        String sentence = end.find() ? line.substring(0, end.start() + 1) : line;
        return sentence.length() <= MAX_FIX_CHARS ? sentence : sentence.substring(0, MAX_FIX_CHARS - 3) + "...";
    }

    private static String count(Analysis analysis, Severity severity) {
        return String.valueOf(analysis.findings().stream().filter(f -> f.severity() == severity).count());
    }

    /** "all found: a, b", "none expected: clean", or "MISSING: c". */
    static String expected(Set<String> expected, Analysis analysis) {
        if (expected.isEmpty()) {
            return analysis.hasAtLeast(Severity.WARNING) ? "none expected, but warnings found" : "none expected: clean";
        }
        Set<String> fired = firedRules(analysis);
        List<String> missing = new ArrayList<>();
        for (String rule : expected) {
            if (!fired.contains(rule)) {
                missing.add(rule);
            }
        }
        return missing.isEmpty() ? "all found: " + String.join(", ", expected) : "MISSING: " + String.join(", ", missing);
    }

    static Set<String> firedRules(Analysis analysis) {
        Set<String> fired = new TreeSet<>();
        for (Finding f : analysis.findings()) {
            fired.add(f.ruleId());
        }
        return fired;
    }
}
