package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.failures.Fixtures;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriverGapsRuleTest {

    private final DriverGapsRule rule = new DriverGapsRule();

    @Test
    void evaluate_fourMinutesWithoutStages_firesWithGapCostAndDynamicAllocation() {
        // stages 0-60 s and 300-600 s: one 240 s gap; 4 executors x 4 cores idle in it = 3,840 core-s of 9,600.
        Application app = TestApps.app().executors(4, 4).property("spark.executor.instances", "4")
                .stage(0, s -> s.window(0, 60_000))
                .stage(1, s -> s.window(300_000, 600_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("resources.driver-gaps");
        assertThat(f.evidence()).containsEntry("gaps", 1).containsEntry("totalGapMs", 240_000L)
                .containsEntry("gapSharePct", 40.0).containsEntry("longestGap", "between stage 0 and stage 1, from 60.0 s into the run")
                .containsEntry("executorCoreSecondsInGaps", 3_840L);
        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(3_840.0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.recommendation().config()).containsEntry("spark.dynamicAllocation.enabled", "true")
                .containsEntry("spark.dynamicAllocation.maxExecutors", "4");
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_localModeGap_isInfoWithoutConfig() {
        Application app = TestApps.app().local(8).stage(0, s -> s.window(0, 60_000)).stage(1, s -> s.window(300_000, 600_000)).build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.recommendation().config()).isEmpty();
    }

    @Test
    void evaluate_stagesBackToBack_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(0, s -> s.window(0, 310_000))
                .stage(1, s -> s.window(300_000, 590_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
