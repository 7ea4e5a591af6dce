package io.sparkwise.demo.runner;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the demo child JVM: its stderr (progress) streamed through, its stdout read as data.
 * The child speaks two line types on stdout, {@code EVENTLOG <path>[\t...]} per event log written
 * and {@code SCENARIO <name>\t<code fix>} per scenario resolved; any other line is shown as is.
 */
final class DemoChild {

    static final String EVENTLOG_PREFIX = "EVENTLOG ";
    static final String SCENARIO_PREFIX = "SCENARIO ";

    /** What the child reported: its exit code, the event logs it wrote and the scenarios it resolved, in order. */
    record Result(int exitCode, List<String> eventLogs, List<String> scenarios) {
        Result {
            eventLogs = List.copyOf(eventLogs);
            scenarios = List.copyOf(scenarios);
        }
    }

    private final DemoJvm jvm;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;

    DemoChild(DemoJvm jvm, PrintWriter out, PrintWriter err, boolean verbose) {
        this.jvm = requireNonNull(jvm, "jvm is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.verbose = verbose;
    }

    /**
     * @param outDir where local-cluster scenarios get their SPARK_HOME (a jars/ folder of links to
     *     the demo classpath, filled by the child); null when the child runs no scenario
     */
    Result run(List<String> demoArgs, Path outDir) {
        List<String> command = jvm.command(demoArgs);
        if (verbose) {
            err.println("sparkwise demo: " + String.join(" ", command));
        }
        Process process = start(command, outDir);
        // Ctrl-C reaches the child through the process group; this covers a plain kill of the parent.
        Thread killChild = new Thread(process::destroy, "sparkwise-demo-child-killer");
        Runtime.getRuntime().addShutdownHook(killChild);
        try {
            Thread stderrPump = pump(process.getErrorStream(), err);
            Result result = readStdout(process.getInputStream(), process);
            stderrPump.join();
            return result;
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

    private Result readStdout(InputStream stdout, Process process) throws InterruptedException {
        List<String> eventLogs = new ArrayList<>();
        List<String> scenarios = new ArrayList<>();
        try (BufferedReader reader = reader(stdout)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(EVENTLOG_PREFIX)) {
                    eventLogs.add(line.substring(EVENTLOG_PREFIX.length()));
                } else if (line.startsWith(SCENARIO_PREFIX)) {
                    scenarios.add(line.substring(SCENARIO_PREFIX.length()));
                } else {
                    out.println(line);
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo's output", e);
        }
        return new Result(process.waitFor(), eventLogs, scenarios);
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
}
