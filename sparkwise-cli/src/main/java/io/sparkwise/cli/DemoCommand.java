package io.sparkwise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * through.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a small real Spark workload (local[2], generated seeded data) with event"
                + " logging on, then analyzes the event log it wrote. Needs no cluster. The default"
                + " (clean) takes about half a minute; --scenario all runs the baseline and 8"
                + " scenarios with one injected problem each in about 5 minutes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok (or the exit code of analyze)",
            "2:usage error (bad option, unknown scenario)",
            "3:the demo run failed"})
public final class DemoCommand implements Callable<Integer> {

    static final String EVENTLOG_PREFIX = "EVENTLOG ";
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
                    + " (every scenario, about 5 minutes on 2 cores). Default: clean.")
    String scenario;

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

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
            DemoJvm jvm = DemoJvm.fromProperties(properties, mainClass);
            if (list) {
                int exitCode = runChild(jvm, List.of("--list")).exitCode();
                if (exitCode != 0) {
                    throw new DemoException("listing the scenarios failed (child JVM exit code " + exitCode + ")");
                }
                return 0;
            }
            return runAndAnalyze(jvm, outputDirectory());
        } catch (DemoException e) {
            err().println("sparkwise demo: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err());
            }
            err().flush();
            return EXIT_DEMO_FAILED;
        }
    }

    private int runAndAnalyze(DemoJvm jvm, Path outDir) {
        ChildResult child = runChild(jvm, demoArgs(outDir), outDir);
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

    /** What the child reported: its exit code and the event logs it wrote, in order. */
    record ChildResult(int exitCode, List<String> eventLogs) {
        ChildResult {
            eventLogs = List.copyOf(eventLogs);
        }
    }

    private ChildResult runChild(DemoJvm jvm, List<String> demoArgs) {
        return runChild(jvm, demoArgs, null);
    }

    /**
     * @param outDir where local-cluster scenarios get their SPARK_HOME (a jars/ folder of links to
     *     the demo classpath, filled by the child); null when the child runs no scenario
     */
    private ChildResult runChild(DemoJvm jvm, List<String> demoArgs, Path outDir) {
        List<String> command = jvm.command(demoArgs);
        if (verbose) {
            err().println("sparkwise demo: " + String.join(" ", command));
        }
        Process process = start(command, outDir);
        // Ctrl-C reaches the child through the process group; this covers a plain kill of the parent.
        Thread killChild = new Thread(process::destroy, "sparkwise-demo-child-killer");
        Runtime.getRuntime().addShutdownHook(killChild);
        try {
            Thread stderrPump = pump(process.getErrorStream(), err());
            List<String> eventLogs = readStdout(process.getInputStream());
            int exitCode = process.waitFor();
            stderrPump.join();
            return new ChildResult(exitCode, eventLogs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new DemoException("interrupted while the Spark workload ran", e);
        } finally {
            Runtime.getRuntime().removeShutdownHook(killChild);
        }
    }

    private static Process start(List<String> command, Path outDir) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        if (outDir != null) {
            // local-cluster starts executor JVMs the way spark-class does: $SPARK_HOME/jars is
            // their classpath, and the launcher needs the Scala version (see the demo's SparkHome).
            // Always ours: links must never be added to a real Spark installation the user points to.
            builder.environment().put("SPARK_HOME", outDir.toAbsolutePath().resolve("spark-home").toString());
            builder.environment().put("SPARK_SCALA_VERSION", "2.13");
            builder.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DemoException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** EVENTLOG lines are data; any other stdout line (e.g. the --list table) is shown as is. */
    private List<String> readStdout(InputStream stdout) {
        List<String> eventLogs = new ArrayList<>();
        try (BufferedReader reader = reader(stdout)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(EVENTLOG_PREFIX)) {
                    eventLogs.add(line.substring(EVENTLOG_PREFIX.length()));
                } else {
                    out().println(line);
                    out().flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo's output", e);
        }
        return eventLogs;
    }

    private static Thread pump(InputStream stream, PrintWriter target) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = reader(stream)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    target.println(line);
                    target.flush();
                }
            } catch (IOException e) {
                // The child died; its exit code tells the story.
            }
        }, "sparkwise-demo-stderr");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static BufferedReader reader(InputStream stream) {
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
