package io.sparkwise.demo.runner;

import static java.util.Objects.requireNonNull;

import io.sparkwise.report.TextTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scenario measured before and after the fix Sparkwise recommended for it.
 *
 * @param config the recommended config the after runs got (empty: none recommended)
 * @param codeFix the code change the after runs got (empty: none)
 * @param after empty when there was no fix to apply
 * @param expectedRules the rules the scenario's manifest expects to fire
 * @param firedBefore those of {@code expectedRules} that fired in the first before run (the one
 *     whose analysis gave the fix)
 * @param firingAfter those of {@code expectedRules} that fired in at least one after run
 */
record DemoFixOutcome(String scenario, Map<String, String> config, String codeFix, List<DemoRunMetrics> before,
                      List<DemoRunMetrics> after, Set<String> expectedRules, Set<String> firedBefore,
                      Set<String> firingAfter) {

    DemoFixOutcome {
        requireNonNull(scenario, "scenario is null");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        requireNonNull(codeFix, "codeFix is null");
        before = List.copyOf(before);
        after = List.copyOf(after);
        expectedRules = Set.copyOf(expectedRules);
        firedBefore = Set.copyOf(firedBefore);
        firingAfter = Set.copyOf(firingAfter);
        if (before.isEmpty()) {
            throw new IllegalArgumentException("no before run of " + scenario);
        }
    }

    boolean hasFix() {
        return !after.isEmpty();
    }

    /** Wall time and executor core-seconds each compared, then combined ({@link DemoVerdict#combine}). */
    DemoVerdict verdict() {
        if (!hasFix()) {
            return DemoVerdict.NO_FIX;
        }
        return DemoVerdict.combine(List.of(
                DemoSpread.of(after, DemoRunMetrics::wallMs).versus(DemoSpread.of(before, DemoRunMetrics::wallMs)),
                DemoSpread.of(after, DemoRunMetrics::executorCoreMs)
                        .versus(DemoSpread.of(before, DemoRunMetrics::executorCoreMs))));
    }

    /** The table {@code demo --verify-fixes} ends with, and the fixes applied below it. */
    static List<String> render(List<DemoFixOutcome> outcomes, int repeat) {
        TextTable table = new TextTable("SCENARIO", "FIX", "WALL BEFORE>", "WALL AFTER>", "EXEC CORE-S BEFORE>",
                "EXEC CORE-S AFTER>", "TASK CORE-S BEFORE>", "TASK CORE-S AFTER>", "VERDICT", "EXPECTED RULES AFTER FIX");
        for (DemoFixOutcome o : outcomes) {
            table.row(o.scenario, o.fixLabel(),
                    seconds(o.before, DemoRunMetrics::wallMs), seconds(o.after, DemoRunMetrics::wallMs),
                    seconds(o.before, DemoRunMetrics::executorCoreMs), seconds(o.after, DemoRunMetrics::executorCoreMs),
                    seconds(o.before, DemoRunMetrics::taskCoreMs), seconds(o.after, DemoRunMetrics::taskCoreMs),
                    o.verdict().label(), o.rulesAfter());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Fixes verified: median (min-max) of " + repeat + " run" + (repeat == 1 ? "" : "s")
                + " before and after, alternated; seconds from each run's event log");
        lines.addAll(table.lines("  "));
        lines.add("  Verdict: wall time and executor core-seconds compared separately; a change counts only when the"
                + " before and after ranges do not overlap.");
        if (repeat == 1) {
            lines.add("  One run each: the verdict cannot tell a change from noise; use --repeat 3 or more.");
        }
        long withFix = outcomes.stream().filter(DemoFixOutcome::hasFix).count();
        if (withFix > 0) {
            long improved = outcomes.stream().filter(o -> o.verdict() == DemoVerdict.IMPROVED).count();
            lines.add(String.format(Locale.ROOT, "  Improved measurably: %d of %d scenario%s with a fix (%.0f%%).",
                    improved, withFix, withFix == 1 ? "" : "s", 100.0 * improved / withFix));
        }
        for (DemoFixOutcome o : outcomes) {
            if (o.hasFix()) {
                lines.add("  " + o.scenario + ": " + o.fixDescription());
            }
        }
        return lines;
    }

    private String fixLabel() {
        if (!hasFix()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        if (!codeFix.isEmpty()) {
            parts.add("code");
        }
        if (!config.isEmpty()) {
            parts.add(config.size() + (config.size() == 1 ? " setting" : " settings"));
        }
        return String.join(" + ", parts);
    }

    private String fixDescription() {
        List<String> parts = new ArrayList<>();
        if (!codeFix.isEmpty()) {
            parts.add("code fix: " + codeFix);
        }
        config.forEach((k, v) -> parts.add("--conf " + k + "=" + v));
        return String.join("; ", parts);
    }

    /** "gone: a", "still fire: a", and the manifest's rules that did not fire before, which prove nothing. */
    private String rulesAfter() {
        if (!hasFix() || expectedRules.isEmpty()) {
            return "-";
        }
        Set<String> gone = new TreeSet<>(firedBefore);
        gone.removeAll(firingAfter);
        Set<String> still = new TreeSet<>(firingAfter);
        still.retainAll(firedBefore);
        Set<String> notBefore = new TreeSet<>(expectedRules);
        notBefore.removeAll(firedBefore);
        List<String> parts = new ArrayList<>();
        if (!still.isEmpty()) {
            parts.add("still fire: " + String.join(", ", still));
        }
        if (!gone.isEmpty()) {
            parts.add("gone: " + String.join(", ", gone));
        }
        String text = String.join("; ", parts);
        return notBefore.isEmpty() ? text : text + " (" + String.join(", ", notBefore) + " did not fire before)";
    }

    private static String seconds(List<DemoRunMetrics> runs, java.util.function.ToLongFunction<DemoRunMetrics> ms) {
        if (runs.isEmpty()) {
            return "-";
        }
        DemoSpread s = DemoSpread.of(runs, ms);
        return runs.size() == 1 ? format(s.median())
                : format(s.median()) + " (" + format(s.min()) + "-" + format(s.max()) + ")";
    }

    private static String format(long ms) {
        return String.format(Locale.ROOT, ms >= 100_000 ? "%.0f" : "%.1f", ms / 1000.0);
    }
}
