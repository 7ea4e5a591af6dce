package io.sparkwise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for {@code io.sparkwise.demo.DemoMain} that speaks the same protocol without Spark,
 * so the CLI tests exercise the real child process plumbing (arguments, stdout EVENTLOG lines,
 * stderr streaming, exit codes) in a tenth of a second. The real workload is tested in
 * sparkwise-demo.
 */
public final class EventLogEchoMain {

    public static void main(String[] args) throws IOException {
        String out = null;
        String scenario = "clean";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = args[++i];
                case "--scenario" -> scenario = args[++i];
                case "--list" -> {
                    System.out.println("clean        healthy baseline");
                    System.exit(0);
                }
                default -> { }
            }
        }
        System.err.println("echo: running " + scenario + " with flag " + System.getProperty("echo.flag"));
        switch (scenario) {
            case "bad-name" -> {
                System.err.println("demo: unknown scenario 'bad-name'");
                System.exit(2);
            }
            case "crash" -> {
                System.err.println("demo: scenario 'crash' failed: ArithmeticException: / by zero");
                System.exit(1);
            }
            default -> {
                for (String name : scenario.split(",")) {
                    Path log = Files.createDirectories(Path.of(out, "eventlogs")).resolve("local-" + name);
                    Files.writeString(log, "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.0.1\"}\n");
                    System.out.println("EVENTLOG " + log.toAbsolutePath());
                }
            }
        }
    }
}
