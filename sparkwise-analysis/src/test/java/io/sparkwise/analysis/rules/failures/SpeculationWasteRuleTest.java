package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.sparkwise.analysis.rules.failures.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

class SpeculationWasteRuleTest {

    private final SpeculationWasteRule rule = new SpeculationWasteRule();

    private static Application speculating(long wastedMs, String... props) {
        TestApps b = TestApps.app().executors(2, 4).property("spark.speculation", "true");
        for (int i = 0; i < props.length; i += 2) {
            b.property(props[i], props[i + 1]);
        }
        return Fixtures.withFailures(b.stage(0, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 2_000_000)).build(), 0,
                group(TaskFailureKind.TASK_KILLED, "another attempt succeeded", 30, "another attempt succeeded", 0, wastedMs));
    }

    @Test
    void evaluate_tenPercentWastedWithDefaults_raisesMultiplierAndQuantile() {
        Application app = speculating(200_000);   // 200 s of 2,000 s task time

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("failures.speculation-waste");
        assertThat(f.evidence()).containsEntry("killedSpeculativeLosers", 30).containsEntry("wastedSharePct", 10.0)
                .containsEntry("spark.speculation.multiplier", 1.5);
        assertThat(f.severity()).isEqualTo(Severity.INFO);   // 200 of 4,800 core-s: 4%
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spark.speculation.multiplier", "3");
        expected.put("spark.speculation.quantile", "0.9");
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(f.missingEvidence()).containsExactly("timeSavedByWinningSpeculativeAttempts");
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_wasteDespiteConservativeSettings_turnsSpeculationOff() {
        Application app = speculating(200_000, "spark.speculation.multiplier", "4", "spark.speculation.quantile", "0.9");

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.speculation", "false"));
    }

    @Test
    void evaluate_smallWaste_doesNotFire() {
        Application app = speculating(50_000);   // under one core-minute

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
