package io.sparkwise.demo.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A stand-in for {@code io.sparkwise.demo.DemoMain} that speaks the same protocol without Spark,
 * so the runner's and the CLI's tests exercise the real child process plumbing (arguments, stdout EVENTLOG and
 * SCENARIO lines, stderr streaming, exit codes) in a tenth of a second. The real workload is
 * tested in sparkwise-demo.
 *
 * <p>With {@code -Decho.log=FILE} each scenario's "event log" is a copy of that real log (scenario
 * {@code clean}: of {@code -Decho.cleanLog=FILE}), and every run appends its arguments to
 * {@code OUT/echo-runs.txt}, so a test can check what {@code --verify-fixes} asked for. Scenarios
 * whose name starts with {@code code-} have a code fix.
 */
public final class EventLogEchoMain {

    public static void main(String[] args) throws IOException {
        String out = null;
        String scenario = "clean";
        boolean resolve = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = args[++i];
                case "--scenario" -> scenario = args[++i];
                case "--resolve" -> resolve = true;
                case "--list" -> {
                    System.out.println("clean        healthy baseline");
                    System.exit(0);
                }
                default -> { }
            }
        }
        if (scenario.contains("bad-name")) {
            System.err.println("demo: unknown scenario 'bad-name'");
            System.exit(2);
        }
        if (resolve) {
            for (String name : (scenario.equals("all") ? "clean,a" : scenario).split(",")) {
                System.out.println("SCENARIO " + name + "\t" + (name.startsWith("code-") ? "the fixed query" : ""));
            }
            System.exit(0);
        }
        System.err.println("echo: running " + scenario + " with flag " + System.getProperty("echo.flag"));
        if (scenario.equals("crash")) {
            System.err.println("demo: scenario 'crash' failed: ArithmeticException: / by zero");
            System.exit(1);
        }
        Path eventLogs = Files.createDirectories(Path.of(out, "eventlogs"));
        Path runs = Path.of(out, "echo-runs.txt");
        Files.writeString(runs, String.join(" ", args) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        int run = Files.readAllLines(runs).size();
        for (String name : scenario.split(",")) {
            String source = System.getProperty(name.equals("clean") ? "echo.cleanLog" : "echo.log");
            Path log = eventLogs.resolve("local-" + name + (source == null ? "" : "-" + run));
            if (source == null) {
                Files.writeString(log, "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.0.1\"}\n");
                System.out.println("EVENTLOG " + log.toAbsolutePath());
                continue;
            }
            Files.copy(Path.of(source), log, StandardCopyOption.REPLACE_EXISTING);
            boolean codeFix = List.of(args).contains("--code-fix") && name.startsWith("code-");
            System.out.println("EVENTLOG " + log.toAbsolutePath() + "\t" + name + "\t1000\tfailures.task-failures,sql.udf\t"
                    + (codeFix ? "the fixed query" : ""));
        }
    }
}
