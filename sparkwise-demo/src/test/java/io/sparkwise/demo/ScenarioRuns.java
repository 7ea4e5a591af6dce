package io.sparkwise.demo;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each scenario run once per test JVM (surefire reuses one fork for all classes), so the
 * ground-truth test and the per-scenario log tests share the Spark run, which is where the time
 * goes.
 */
final class ScenarioRuns {

    /** A scenario's run and what Sparkwise found on its log. */
    record Analyzed(DemoRun run, Application application, Analysis analysis) {}

    private static final Map<String, Analyzed> RUNS = new ConcurrentHashMap<>();
    private static final Path OUT = createOut();

    private ScenarioRuns() {}

    static synchronized Analyzed of(String scenarioName) {
        Analyzed cached = RUNS.get(scenarioName);
        if (cached != null) {
            return cached;
        }
        Scenario scenario = Scenarios.byName(scenarioName).orElseThrow();
        DemoRun run = DemoRunner.run(scenario, OUT);
        Analyzed analyzed = analyze(run);
        RUNS.put(scenarioName, analyzed);
        return analyzed;
    }

    static Analyzed analyze(DemoRun run) {
        EventLogReader reader = new EventLogReader();
        Application application = reader.read(reader.discover(run.eventLog().toString()).get(0));
        return new Analyzed(run, application, Analyzer.withBuiltInRules().analyze(application, Thresholds.defaults()));
    }

    static Path out() {
        return OUT;
    }

    private static Path createOut() {
        try {
            // target/demo-runs of this module (surefire runs from the repository root): the logs
            // stay after the build, for a person to open or to analyze.
            Path testClasses = Path.of(ScenarioRuns.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.createDirectories(testClasses.getParent().resolve("demo-runs"));
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot create target/demo-runs", e);
        }
    }
}
