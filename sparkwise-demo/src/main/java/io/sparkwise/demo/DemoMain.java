package io.sparkwise.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Entry point of the demo child JVM (started by {@code sparkwise demo}). Runs scenarios and prints
 * one {@code EVENTLOG <absolute path>} line on stdout per event log written; everything else goes to
 * stderr, so the parent can read stdout as data. With {@code --resolve} it runs nothing and prints
 * one {@code SCENARIO <name>\t<code fix>} line per scenario named (the code fix's description, empty
 * when the scenario has none), so the parent can plan runs without knowing the registry.
 *
 * <p>Exit codes: 0 ok, 1 a scenario failed, 2 usage error.
 */
public final class DemoMain {

    public static final String EVENTLOG_PREFIX = "EVENTLOG ";
    public static final String SCENARIO_PREFIX = "SCENARIO ";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private DemoMain() {}

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        DemoArgs parsed;
        List<Scenario> scenarios;
        try {
            parsed = DemoArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            err.println(DemoArgs.USAGE);
            return USAGE;
        }
        try {
            scenarios = Scenarios.resolve(parsed.scenarios());
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            return USAGE;
        }
        if (parsed.list()) {
            Scenarios.all().forEach(s -> out.printf(Locale.ROOT, "%-15s %s%n%-15s   expects: %s%n", s.name(),
                    s.description(), "", s.expectedRules().isEmpty() ? "no warning or worse"
                            : String.join(", ", new TreeSet<>(s.expectedRules()))));
            return OK;
        }
        if (parsed.resolve()) {
            scenarios.forEach(s -> out.println(SCENARIO_PREFIX + s.name() + "\t"
                    + s.codeFixed().map(Scenario::description).orElse("")));
            return OK;
        }
        return runAll(scenarios, parsed, out, err);
    }

    private static int runAll(List<Scenario> scenarios, DemoArgs args, PrintStream out, PrintStream err) {
        for (Scenario asIs : scenarios) {
            Scenario scenario = args.codeFix() ? asIs.codeFixed().orElse(asIs) : asIs;
            String codeFix = scenario == asIs ? "" : scenario.description();
            err.println("demo: running scenario '" + scenario.name() + "' (Spark "
                    + scenario.cluster().fitting(args.conf()).master() + ")"
                    + (codeFix.isEmpty() ? "" : " with its code fix") + (args.conf().isEmpty() ? "" : " with " + args.conf()));
            try {
                DemoRun run = DemoRunner.run(scenario, args.out().orElseThrow(), args.conf());
                err.printf(Locale.ROOT, "demo: scenario '%s' done in %.1f s%n", run.scenario(),
                        run.elapsed().toMillis() / 1000.0);
                // Path first (the CLI's contract), then tab-separated: scenario, wall ms, expected
                // rules, the code fix applied (empty for none).
                out.println(EVENTLOG_PREFIX + run.eventLog().toAbsolutePath() + "\t" + scenario.name() + "\t"
                        + run.elapsed().toMillis() + "\t" + String.join(",", new TreeSet<>(scenario.expectedRules()))
                        + "\t" + codeFix);
                out.flush();
            } catch (RuntimeException | LinkageError e) {
                err.println("demo: scenario '" + scenario.name() + "' failed: " + oneLine(e));
                if (args.verbose()) {
                    e.printStackTrace(err);
                }
                return FAILED;
            }
        }
        return OK;
    }

    /** The root cause's message: Spark wraps failures several levels deep. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
