package io.sparkwise.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Rule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifests themselves, without Spark: they name real rules, and the baseline expects none. */
class ScenarioManifestTest {

    @Test
    void manifests_nameOnlyBuiltInRules() {
        Set<String> ruleIds = Analyzer.withBuiltInRules().rules().stream().map(Rule::id).collect(Collectors.toSet());
        assertThat(Scenarios.all()).allSatisfy(scenario -> {
            assertThat(ruleIds).as(scenario.name()).containsAll(scenario.expectedRules()).containsAll(scenario.acceptedRules());
            assertThat(scenario.acceptedRules()).as(scenario.name()).noneMatch(scenario.expectedRules()::contains);
        });
    }

    @Test
    void manifests_cleanExpectsNothingAndEveryOtherScenarioSomething() {
        assertThat(Scenarios.all()).allSatisfy(scenario -> assertThat(scenario.expectedRules().isEmpty())
                .as(scenario.name()).isEqualTo(scenario.name().equals("clean")));
    }
}
