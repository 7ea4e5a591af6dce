package io.sparkwise.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Ground truth: every scenario runs once on real Spark, Sparkwise analyzes its log with the
 * shipped thresholds, and the findings must match the scenario's manifest. The rules that must
 * fire do (at any severity), and no warning-or-worse finding appears that the manifest does not
 * expect or accept: a false positive fails the build like a missed problem does. The clean
 * baseline's manifest is empty, so it must have no warning-or-worse finding at all.
 */
@Tag("integration")
class GroundTruthTest {

    /**
     * A comma-separated list of scenarios to run instead of all of them
     * ({@code -Dsparkwise.demo.scenarios=gc-pressure}), for work on one scenario; unset runs all.
     */
    static final String SCENARIOS_PROPERTY = "sparkwise.demo.scenarios";

    @TestFactory
    Stream<DynamicContainer> everyScenario_findingsMatchItsManifest() {
        String names = System.getProperty(SCENARIOS_PROPERTY, "");
        List<Scenario> scenarios = Scenarios.resolve(names.isBlank() ? Scenarios.ALL : names);
        return scenarios.stream().map(scenario -> DynamicContainer.dynamicContainer(scenario.name(), Stream.of(
                DynamicTest.dynamicTest("expected rules fire", () -> assertExpectedRulesFire(scenario)),
                DynamicTest.dynamicTest("no unexpected warning or worse", () -> assertNoUnexpectedWarnings(scenario)))));
    }

    static void assertExpectedRulesFire(Scenario scenario) {
        ScenarioRuns.Analyzed analyzed = ScenarioRuns.of(scenario.name());
        Set<String> fired = analyzed.analysis().findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertThat(fired).as("rules fired on %s (%s)", scenario.name(), describe(analyzed.analysis().findings()))
                .containsAll(scenario.expectedRules());
        assertThat(analyzed.analysis().ruleErrors()).as("rule errors on %s", scenario.name()).isEmpty();
    }

    static void assertNoUnexpectedWarnings(Scenario scenario) {
        ScenarioRuns.Analyzed analyzed = ScenarioRuns.of(scenario.name());
        List<Finding> unexpected = analyzed.analysis().findings().stream()
                .filter(f -> f.severity().atLeast(Severity.WARNING))
                .filter(f -> !scenario.expectedRules().contains(f.ruleId()) && !scenario.acceptedRules().contains(f.ruleId()))
                .toList();
        assertThat(unexpected).as("warning-or-worse findings on %s that its manifest does not expect: %s",
                scenario.name(), describe(unexpected)).isEmpty();
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.severity().label() + ": " + f.title())
                .collect(Collectors.joining("; "));
    }
}
