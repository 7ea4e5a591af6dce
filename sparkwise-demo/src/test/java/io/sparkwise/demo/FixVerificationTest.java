package io.sparkwise.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkwise.analysis.Finding;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code demo --verify-fixes} relies on, on real Spark and cheaply (one after-run each, no
 * timing): the recommended config reaches the re-run's session over the scenario's own settings,
 * a code-fixed variant runs the changed query, and the finding the fix addresses is gone. The
 * timings themselves are measured by the command and recorded in docs/demo.md.
 */
@Tag("integration")
class FixVerificationTest {

    @Test
    void recommendedConfig_overridesTheInjectedSettings_andTheFindingIsGone() {
        ScenarioRuns.Analyzed before = ScenarioRuns.of("tiny-tasks");
        Map<String, String> fix = before.analysis().recommendedConfig();
        assertThat(fix).containsEntry("spark.sql.adaptive.coalescePartitions.enabled", "true");

        ScenarioRuns.Analyzed after = ScenarioRuns.analyze(
                DemoRunner.run(Scenarios.byName("tiny-tasks").orElseThrow(), ScenarioRuns.out(), fix));

        fix.forEach((key, value) -> assertThat(after.application().environment().sparkProperty(key))
                .as(key).isEqualTo(Optional.of(value)));
        assertThat(after.analysis().findings()).extracting(Finding::ruleId).doesNotContain("partitioning.tiny-tasks");
    }

    @Test
    void codeFixedVariant_runsTheBuiltInFilter_andSqlUdfNoLongerFires() {
        ScenarioRuns.Analyzed before = ScenarioRuns.of("udf-filter");
        assertThat(before.analysis().findings()).extracting(Finding::ruleId).contains("sql.udf");
        Scenario fixed = Scenarios.byName("udf-filter").orElseThrow().codeFixed().orElseThrow();

        ScenarioRuns.Analyzed after = ScenarioRuns.analyze(DemoRunner.run(fixed, ScenarioRuns.out()));

        assertThat(after.analysis().findings()).extracting(Finding::ruleId).doesNotContain("sql.udf");
        assertThat(fixed.codeFixed()).isEmpty();
    }
}
