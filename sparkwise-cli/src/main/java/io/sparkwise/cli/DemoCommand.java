package io.sparkwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparkwise demo}: runs a real Spark workload in a child JVM (Spark local mode, event logging
 * on), then analyzes the event logs it wrote with the sibling {@code analyze} command. The child
 * prints one {@code EVENTLOG <path>} line on stdout per log; its stderr (progress) is streamed
 * through ({@link DemoChild}). {@code --verify-fixes} re-runs scenarios with the fixes Sparkwise
 * recommends and measures them ({@link DemoFixVerification}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs real Spark workloads (local[2] or local-cluster, generated seeded data) with"
                + " event logging on, each with one known injected problem, then analyzes the event logs"
                + " they wrote and shows what Sparkwise found and the fix it recommends. Needs no cluster;"
                + " all scenarios take under 5 minutes on 2 cores.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok (or the exit code of analyze)",
            "2:usage error (bad option, unknown scenario)",
            "3:the demo run failed"})
public final class DemoCommand implements Callable<Integer> {

    static final String ALL_SCENARIOS = "all";
    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    static final int EXIT_DEMO_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for event logs (DIR/eventlogs) and data (DIR/data)."
                    + " Default: a new directory sparkwise-demo-* in the system temp directory.")
    Path out;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Scenario to run: a name from --list, several separated by commas, or all"
                    + " (every scenario). Default: all.")
    String scenario;

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

    @Option(names = "--verify-fixes",
            description = "Verify Sparkwise's advice: run each scenario as is, analyze it, re-run it with the"
                    + " recommended config (and the code fix where the advice is about code), alternating"
                    + " before and after runs, and report wall time and core-seconds side by side with a"
                    + " verdict. Default scenarios: all.")
    boolean verifyFixes;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "With --verify-fixes: runs before and after the fix, each (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--verbose", description = "Show the child JVM command and stack traces of failures.")
    boolean verbose;

    private final UnaryOperator<String> properties;
    private final String mainClass;

    public DemoCommand() {
        this(System::getProperty, DemoJvm.MAIN_CLASS);
    }

    /** For tests: where the demo jar, its classpath and java.home come from, and the child's main. */
    DemoCommand(UnaryOperator<String> properties, String mainClass) {
        this.properties = properties;
        this.mainClass = mainClass;
    }

    @Override
    public Integer call() {
        try {
            DemoChild child = new DemoChild(DemoJvm.fromProperties(properties, mainClass), out(), err(), verbose);
            if (list) {
                int exitCode = child.run(List.of("--list"), null).exitCode();
                if (exitCode != 0) {
                    throw new DemoException("listing the scenarios failed (child JVM exit code " + exitCode + ")");
                }
                return 0;
            }
            if (verifyFixes) {
                return verifyFixes(child);
            }
            return runAndAnalyze(child, outputDirectory());
        } catch (DemoException e) {
            err().println("sparkwise demo: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err());
            }
            err().flush();
            return EXIT_DEMO_FAILED;
        }
    }

    private int verifyFixes(DemoChild child) {
        if (repeat < 1) {
            err().println("sparkwise demo: --repeat must be at least 1, got " + repeat);
            return EXIT_USAGE;
        }
        // Resolved before the output directory exists: a bad name leaves nothing behind.
        DemoChild.Result resolved = child.run(withVerbose("--resolve", "--scenario",
                scenario == null ? ALL_SCENARIOS : scenario), null);
        if (resolved.exitCode() == EXIT_USAGE) {
            return EXIT_USAGE;
        }
        if (resolved.exitCode() != 0) {
            throw new DemoException("resolving the scenarios failed (child JVM exit code " + resolved.exitCode() + ")");
        }
        Path outDir = outputDirectory();
        return new DemoFixVerification(child, outDir, repeat, verbose, out(), err())
                .run(resolved.scenarios().stream().map(DemoFixVerification.Candidate::parse).toList());
    }

    private List<String> withVerbose(String... args) {
        List<String> list = new ArrayList<>(List.of(args));
        if (verbose) {
            list.add("--verbose");
        }
        return list;
    }

    private int runAndAnalyze(DemoChild demo, Path outDir) {
        DemoChild.Result child = demo.run(demoArgs(outDir), outDir);
        if (child.exitCode() == EXIT_USAGE) {
            deleteIfEmpty(outDir); // the child rejected its arguments before writing anything
            return EXIT_USAGE; // and named the bad argument on stderr
        }
        if (child.exitCode() != 0) {
            throw new DemoException("the Spark workload failed (child JVM exit code " + child.exitCode()
                    + ")" + (verbose ? "" : "; rerun with --verbose for the stack trace"));
        }
        if (child.eventLogs().isEmpty()) {
            throw new DemoException("the Spark workload finished but reported no event log");
        }
        List<DemoSummary.ScenarioLog> logs = child.eventLogs().stream().map(DemoSummary.ScenarioLog::parse).toList();
        List<String> paths = logs.stream().map(DemoSummary.ScenarioLog::path).toList();
        err().println("sparkwise demo: event logs and data are under " + outDir + "; analyzing "
                + paths.size() + " event log(s)");
        err().flush();
        // One scenario: its full text analysis on the terminal. Several: the text goes to a file
        // and the terminal gets the summary table.
        Path text = outDir.resolve("analysis.txt");
        int exit = paths.size() == 1 ? analyze(paths) : analyze(paths, "--quiet", "--output", text.toString());
        Path reports = outDir.resolve("reports");
        String html = htmlReports(logs, paths, reports);
        DemoSummary.print(logs, out());
        out().println("  HTML report" + (paths.size() == 1 ? ": " : "s: ") + html);
        if (paths.size() > 1) {
            out().println("  text analysis of every scenario: " + text);
        }
        out().flush();
        return exit;
    }

    /** A self-contained HTML page per scenario (and an index for several); returns what to open. */
    private String htmlReports(List<DemoSummary.ScenarioLog> logs, List<String> paths, Path reports) {
        try {
            Files.createDirectories(reports);
        } catch (IOException e) {
            throw new DemoException("cannot create " + reports + ": " + e.getMessage(), e);
        }
        Path target = paths.size() == 1 ? reports.resolve(logs.get(0).scenario() + ".html") : reports;
        analyze(paths, "--quiet", "--format", "html", "--output", target.toString());
        return (paths.size() == 1 ? target : reports.resolve("index.html")).toString();
    }

    /** Delegates to the sibling command, so the demo shows exactly what {@code analyze} prints. */
    private int analyze(List<String> eventLogs, String... options) {
        List<String> args = new ArrayList<>();
        args.add("analyze");
        args.addAll(eventLogs);
        args.addAll(List.of(options));
        return spec.parent().commandLine().execute(args.toArray(String[]::new));
    }

    private List<String> demoArgs(Path outDir) {
        List<String> args = new ArrayList<>(List.of("--out", outDir.toAbsolutePath().toString()));
        if (scenario != null) {
            args.add("--scenario");
            args.add(scenario);
        }
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

    private Path outputDirectory() {
        try {
            return out != null ? Files.createDirectories(out) : Files.createTempDirectory("sparkwise-demo-");
        } catch (IOException e) {
            throw new DemoException("cannot create the output directory " + (out != null ? out : "in "
                    + properties.apply("java.io.tmpdir")) + ": " + e.getMessage(), e);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
