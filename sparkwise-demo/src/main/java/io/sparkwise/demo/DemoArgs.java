package io.sparkwise.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The child JVM's arguments. Kept to a hand-rolled parser: the demo classpath is Spark's, and the
 * user-facing options (with help text) live in the CLI's {@code demo} command, which passes these
 * through.
 */
record DemoArgs(Optional<Path> out, String scenarios, boolean list, boolean verbose) {

    static final String USAGE =
            "usage: DemoMain --out DIR [--scenario NAME[,NAME...]|all] [--list] [--verbose]";

    DemoArgs {
        requireNonNull(out, "out is null");
        requireNonNull(scenarios, "scenarios is null");
    }

    /** @throws IllegalArgumentException with a message fit for the user */
    static DemoArgs parse(String... args) {
        Optional<Path> out = Optional.empty();
        String scenarios = Scenarios.DEFAULT;
        boolean list = false;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, "--out")));
                case "--scenario" -> scenarios = value(args, ++i, "--scenario");
                case "--list" -> list = true;
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (out.isEmpty() && !list) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new DemoArgs(out, scenarios, list, verbose);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
