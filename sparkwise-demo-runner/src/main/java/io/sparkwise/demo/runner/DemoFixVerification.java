package io.sparkwise.demo.runner;

import static java.util.Objects.requireNonNull;

import io.sparkwise.model.SparkwiseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code demo --verify-fixes}: are Sparkwise's fixes worth applying? Per scenario: run it as is,
 * analyze its log, then re-run it with {@code Analysis.recommendedConfig} (passed to the child as
 * {@code --conf}, applied after the scenario's own settings) and, when the scenario has one, its
 * code-fixed variant ({@code --code-fix}: the advice for a missing join key or a UDF is a code
 * change no setting can make). Before and after runs alternate (B A B A B A), so a load change on
 * the machine hits both sides; each run is a fresh child JVM, so none profits from a warm JIT.
 */
final class DemoFixVerification {

    /** A scenario as the child resolved it: {@code <name>\t<code fix description or empty>}. */
    record Candidate(String scenario, String codeFix) {
        static Candidate parse(String line) {
            String[] parts = line.split("\t", -1);
            return new Candidate(parts[0], parts.length > 1 ? parts[1] : "");
        }
    }

    static final String REPORT_FILE = "verify-fixes.txt";

    private final DemoChild child;
    private final Path outDir;
    private final int repeat;
    private final boolean verbose;
    private final PrintWriter out;
    private final PrintWriter err;

    DemoFixVerification(DemoChild child, Path outDir, int repeat, boolean verbose, PrintWriter out, PrintWriter err) {
        this.child = requireNonNull(child, "child is null");
        this.outDir = requireNonNull(outDir, "outDir is null");
        this.repeat = repeat;
        this.verbose = verbose;
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    void run(List<Candidate> candidates) {
        List<DemoFixOutcome> outcomes = new ArrayList<>();
        Path file = outDir.resolve(REPORT_FILE);
        for (Candidate candidate : candidates) {
            outcomes.add(verify(candidate));
            // Written after every scenario: a long run stopped halfway keeps what it measured.
            write(file, DemoFixOutcome.render(outcomes, repeat));
        }
        out.println();
        DemoFixOutcome.render(outcomes, repeat).forEach(out::println);
        out.println("  event logs: " + outDir.resolve("eventlogs") + "; this table: " + file);
        out.flush();
    }

    private static void write(Path file, List<String> report) {
        try {
            Files.write(file, report);
        } catch (IOException e) {
            throw new DemoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private DemoFixOutcome verify(Candidate candidate) {
        DemoSummary.ScenarioLog first = runOnce(candidate, Map.of(), false, "before 1/" + repeat);
        DemoSummary.AnalyzedLog firstAnalyzed = analyze(first);
        Map<String, String> config = firstAnalyzed.analysis().recommendedConfig();
        boolean codeFix = !candidate.codeFix().isEmpty();
        List<DemoRunMetrics> before = new ArrayList<>(List.of(DemoRunMetrics.of(firstAnalyzed.application())));
        List<DemoRunMetrics> after = new ArrayList<>();
        Set<String> firingAfter = new TreeSet<>();
        boolean hasFix = codeFix || !config.isEmpty();
        if (!hasFix) {
            progress(candidate, "nothing to fix: its log has no recommended config and the scenario no code fix");
        }
        for (int i = 1; i <= repeat; i++) {
            if (hasFix) {
                DemoSummary.AnalyzedLog fixed = analyze(runOnce(candidate, config, codeFix, "after " + i + "/" + repeat));
                after.add(DemoRunMetrics.of(fixed.application()));
                fixed.firedRules().stream().filter(first.expectedRules()::contains).forEach(firingAfter::add);
            }
            if (i < repeat) {
                before.add(DemoRunMetrics.of(analyze(runOnce(candidate, Map.of(), false,
                        "before " + (i + 1) + "/" + repeat)).application()));
            }
        }
        String codeFixApplied = codeFix ? candidate.codeFix() : "";
        Set<String> firedBefore = new TreeSet<>(firstAnalyzed.firedRules());
        firedBefore.retainAll(first.expectedRules());
        return new DemoFixOutcome(candidate.scenario(), config, codeFixApplied, before, after, first.expectedRules(),
                firedBefore, firingAfter);
    }

    private DemoSummary.ScenarioLog runOnce(Candidate candidate, Map<String, String> config, boolean codeFix,
                                            String label) {
        progress(candidate, label + (codeFix ? ", code fix" : "") + (config.isEmpty() ? "" : ", " + config));
        List<String> args = new ArrayList<>(List.of("--out", outDir.toAbsolutePath().toString(),
                "--scenario", candidate.scenario()));
        config.forEach((key, value) -> args.addAll(List.of("--conf", key + "=" + value)));
        if (codeFix) {
            args.add("--code-fix");
        }
        if (verbose) {
            args.add("--verbose");
        }
        DemoChild.Result result = child.run(args, outDir);
        if (result.exitCode() != 0) {
            throw new DemoException("scenario '" + candidate.scenario() + "' (" + label + ") failed (child JVM exit code "
                    + result.exitCode() + ")" + (verbose ? "" : "; rerun with --verbose for the stack trace"));
        }
        if (result.eventLogs().size() != 1) {
            throw new DemoException("scenario '" + candidate.scenario() + "' (" + label + ") reported "
                    + result.eventLogs().size() + " event logs, expected 1");
        }
        return DemoSummary.ScenarioLog.parse(result.eventLogs().get(0));
    }

    private static DemoSummary.AnalyzedLog analyze(DemoSummary.ScenarioLog log) {
        try {
            return DemoSummary.AnalyzedLog.of(log.path());
        } catch (SparkwiseException e) {
            throw new DemoException("cannot read the event log of scenario '" + log.scenario() + "': " + e.getMessage(), e);
        }
    }

    private void progress(Candidate candidate, String what) {
        err.println("sparkwise demo: verify-fixes " + candidate.scenario() + ": " + what);
        err.flush();
    }
}
