package io.sparkwise.demo.runner;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo as an experiment a front end starts: real Spark workloads in a child JVM
 * ({@link DemoChild}, event logging on), their event logs analyzed and summed up
 * ({@link DemoSummary}), or, with {@link #verifyFixes}, each scenario re-run with the fix Sparkwise
 * recommends and measured ({@link DemoFixVerification}). Spark runs only in the child, with
 * sparkwise-demo's classpath ({@link DemoJvm}); this module never loads it.
 *
 * <p>Failures are {@link DemoException}s with a one-line message; {@link DemoUsageException} when
 * the child rejected a scenario name or option (it already said which on stderr).
 */
public final class DemoExperiment {

    /** The scenario list meaning every scenario, as DemoMain reads it. */
    public static final String ALL_SCENARIOS = "all";

    private final DemoChild child;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;

    /**
     * @param out where tables go (and any stdout line of the child that is not protocol)
     * @param err where progress goes (the child's stderr is streamed through)
     * @param verbose show the child's command line and its stack traces
     */
    public DemoExperiment(DemoJvm jvm, PrintWriter out, PrintWriter err, boolean verbose) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.verbose = verbose;
        this.child = new DemoChild(jvm, out, err, verbose);
    }

    /** Prints the child's table of scenarios. */
    public void list() {
        int exitCode = child.run(List.of("--list"), null).exitCode();
        if (exitCode != 0) {
            throw new DemoException("listing the scenarios failed (child JVM exit code " + exitCode + ")");
        }
    }

    /**
     * Runs the scenarios and shows their analysis: for one scenario its full text analysis on the
     * terminal; for several, the text in {@code OUT/analysis.txt} and the summary table on the
     * terminal; HTML reports under {@code OUT/reports} either way.
     *
     * @param scenarios names separated by commas, or {@link #ALL_SCENARIOS}; empty for the child's default (all)
     * @param outDir where event logs, data and reports go; empty for a new temporary directory
     * @return the exit code {@code reports} returned for the text analysis
     */
    public int run(Optional<String> scenarios, Optional<Path> outDir, DemoReports reports) {
        Path dir = outputDirectory(outDir);
        DemoChild.Result result = child.run(demoArgs(scenarios, dir), dir);
        if (result.exitCode() == DemoUsageException.CHILD_USAGE_EXIT) {
            deleteIfEmpty(dir); // the child rejected its arguments before writing anything
            throw new DemoUsageException("the demo rejected its arguments");
        }
        if (result.exitCode() != 0) {
            throw new DemoException("the Spark workload failed (child JVM exit code " + result.exitCode()
                    + ")" + (verbose ? "" : "; rerun with --verbose for the stack trace"));
        }
        if (result.eventLogs().isEmpty()) {
            throw new DemoException("the Spark workload finished but reported no event log");
        }
        List<DemoSummary.ScenarioLog> logs = result.eventLogs().stream().map(DemoSummary.ScenarioLog::parse).toList();
        List<String> paths = logs.stream().map(DemoSummary.ScenarioLog::path).toList();
        err.println("sparkwise demo: event logs and data are under " + dir + "; analyzing "
                + paths.size() + " event log(s)");
        err.flush();
        // One scenario: its full text analysis on the terminal. Several: the text goes to a file
        // and the terminal gets the summary table.
        Path text = dir.resolve("analysis.txt");
        int exit = paths.size() == 1 ? reports.text(paths) : reports.textFile(paths, text);
        String html = htmlReports(logs, paths, dir.resolve("reports"), reports);
        DemoSummary.print(logs, out);
        out.println("  HTML report" + (paths.size() == 1 ? ": " : "s: ") + html);
        if (paths.size() > 1) {
            out.println("  text analysis of every scenario: " + text);
        }
        out.flush();
        return exit;
    }

    /**
     * {@code --verify-fixes}: each scenario run as is and with the fix its analysis recommends,
     * {@code repeat} times each, alternated; the table goes to the terminal and to
     * {@code OUT/verify-fixes.txt}.
     *
     * @param scenarios names separated by commas, or {@link #ALL_SCENARIOS}
     * @param outDir where event logs, data and the table go; empty for a new temporary directory
     *     (created only once the child has accepted the scenario names)
     */
    public void verifyFixes(String scenarios, Optional<Path> outDir, int repeat) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
        }
        // Resolved before the output directory exists: a bad name leaves nothing behind.
        DemoChild.Result resolved = child.run(withVerbose("--resolve", "--scenario", scenarios), null);
        if (resolved.exitCode() == DemoUsageException.CHILD_USAGE_EXIT) {
            throw new DemoUsageException("the demo rejected the scenarios '" + scenarios + "'");
        }
        if (resolved.exitCode() != 0) {
            throw new DemoException("resolving the scenarios failed (child JVM exit code " + resolved.exitCode() + ")");
        }
        new DemoFixVerification(child, outputDirectory(outDir), repeat, verbose, out, err)
                .run(resolved.scenarios().stream().map(DemoFixVerification.Candidate::parse).toList());
    }

    /** A self-contained HTML page per scenario (and an index for several); returns what to open. */
    private static String htmlReports(List<DemoSummary.ScenarioLog> logs, List<String> paths, Path reportsDir,
                                      DemoReports reports) {
        try {
            Files.createDirectories(reportsDir);
        } catch (IOException e) {
            throw new DemoException("cannot create " + reportsDir + ": " + e.getMessage(), e);
        }
        Path target = paths.size() == 1 ? reportsDir.resolve(logs.get(0).scenario() + ".html") : reportsDir;
        reports.html(paths, target);
        return (paths.size() == 1 ? target : reportsDir.resolve("index.html")).toString();
    }

    private List<String> withVerbose(String... args) {
        List<String> list = new ArrayList<>(List.of(args));
        if (verbose) {
            list.add("--verbose");
        }
        return list;
    }

    private List<String> demoArgs(Optional<String> scenarios, Path outDir) {
        List<String> args = new ArrayList<>(List.of("--out", outDir.toAbsolutePath().toString()));
        scenarios.ifPresent(names -> args.addAll(List.of("--scenario", names)));
        if (verbose) {
            args.add("--verbose");
        }
        return args;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Not empty or not ours to delete: leave it.
        }
    }

    private static Path outputDirectory(Optional<Path> outDir) {
        try {
            return outDir.isPresent() ? Files.createDirectories(outDir.get()) : Files.createTempDirectory("sparkwise-demo-");
        } catch (IOException e) {
            throw new DemoException("cannot create the output directory " + outDir.map(Path::toString)
                    .orElse("in " + System.getProperty("java.io.tmpdir")) + ": " + e.getMessage(), e);
        }
    }
}
