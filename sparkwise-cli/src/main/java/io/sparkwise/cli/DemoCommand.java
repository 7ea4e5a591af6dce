package io.sparkwise.cli;

import io.sparkwise.demo.runner.DemoException;
import io.sparkwise.demo.runner.DemoExperiment;
import io.sparkwise.demo.runner.DemoJvm;
import io.sparkwise.demo.runner.DemoReports;
import io.sparkwise.demo.runner.DemoUsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparkwise demo}: the command-line shell (options, help, exit codes) over the demo's
 * experiment in sparkwise-demo-runner ({@link DemoExperiment}), which runs real Spark workloads in a
 * child JVM and analyzes the event logs they wrote with this CLI's sibling {@code analyze} command
 * ({@link DemoReports}). {@code --verify-fixes} re-runs scenarios with the fixes Sparkwise
 * recommends and measures them.
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
            DemoExperiment demo = new DemoExperiment(DemoJvm.fromProperties(properties, mainClass), out(), err(), verbose);
            if (list) {
                demo.list();
                return ExitCodes.OK;
            }
            if (verifyFixes) {
                if (repeat < 1) {
                    err().println("sparkwise demo: --repeat must be at least 1, got " + repeat);
                    return EXIT_USAGE;
                }
                demo.verifyFixes(scenario == null ? DemoExperiment.ALL_SCENARIOS : scenario, Optional.ofNullable(out),
                        repeat);
                return ExitCodes.OK;
            }
            return demo.run(Optional.ofNullable(scenario), Optional.ofNullable(out), new SiblingAnalyze());
        } catch (DemoUsageException e) {
            return EXIT_USAGE; // the child named the bad argument on stderr
        } catch (DemoException e) {
            err().println("sparkwise demo: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err());
            }
            err().flush();
            return EXIT_DEMO_FAILED;
        }
    }

    /** The demo's reports are the sibling {@code analyze} command's, so the demo shows exactly what it prints. */
    private final class SiblingAnalyze implements DemoReports {

        @Override
        public int text(List<String> eventLogs) {
            return analyze(eventLogs);
        }

        @Override
        public int textFile(List<String> eventLogs, Path file) {
            return analyze(eventLogs, "--quiet", "--output", file.toString());
        }

        @Override
        public int html(List<String> eventLogs, Path target) {
            return analyze(eventLogs, "--quiet", "--format", "html", "--output", target.toString());
        }

        private int analyze(List<String> eventLogs, String... options) {
            List<String> args = new ArrayList<>();
            args.add("analyze");
            args.addAll(eventLogs);
            args.addAll(List.of(options));
            return spec.parent().commandLine().execute(args.toArray(String[]::new));
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
