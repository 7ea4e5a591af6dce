package io.sparkwise.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The child JVM's arguments. Kept to a hand-rolled parser: the demo classpath is Spark's, and the
 * user-facing options (with help text) live in the CLI's {@code demo} command, which passes these
 * through.
 *
 * @param conf Spark settings applied to every scenario's session after the scenario's own, so a
 *     recommended fix overrides the injected problem ({@code --conf KEY=VALUE}, repeatable)
 * @param codeFix run each scenario's code-fixed variant where it has one ({@link Scenario#codeFixed})
 * @param resolve print the resolved scenarios ({@code SCENARIO} lines) and run nothing
 */
record DemoArgs(Optional<Path> out, String scenarios, boolean list, boolean verbose, Map<String, String> conf,
                boolean codeFix, boolean resolve) {

    static final String USAGE = "usage: DemoMain --out DIR [--scenario NAME[,NAME...]|all] [--conf KEY=VALUE]..."
            + " [--code-fix] [--list] [--resolve] [--verbose]";

    DemoArgs {
        requireNonNull(out, "out is null");
        requireNonNull(scenarios, "scenarios is null");
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }

    /** @throws IllegalArgumentException with a message fit for the user */
    static DemoArgs parse(String... args) {
        Optional<Path> out = Optional.empty();
        String scenarios = Scenarios.DEFAULT;
        boolean list = false;
        boolean verbose = false;
        boolean codeFix = false;
        boolean resolve = false;
        Map<String, String> conf = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, "--out")));
                case "--scenario" -> scenarios = value(args, ++i, "--scenario");
                case "--conf" -> putConf(conf, value(args, ++i, "--conf"));
                case "--code-fix" -> codeFix = true;
                case "--list" -> list = true;
                case "--resolve" -> resolve = true;
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (out.isEmpty() && !list && !resolve) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new DemoArgs(out, scenarios, list, verbose, conf, codeFix, resolve);
    }

    private static void putConf(Map<String, String> conf, String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0 || !keyValue.startsWith("spark.")) {
            throw new IllegalArgumentException("--conf needs spark.KEY=VALUE, got '" + keyValue + "'");
        }
        conf.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
