package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdleExecutorsRuleTest {

    private final IdleExecutorsRule rule = new IdleExecutorsRule();

    @Test
    void evaluate_tenExecutorsMostlyIdle_firesAndEnablesDynamicAllocationCappedAtInstances() {
        // 10 x 4 cores x 600 s = 24,000 core-s allocated; tasks ran 2,400 core-s: 90% idle, all of
        // it while the one stage ran (no driver gap).
        Application app = TestApps.app().executors(10, 4).property("spark.executor.instances", "10")
                .stage(0, s -> s.window(0, 600_000).metric(TaskMetric.EXECUTOR_RUN_TIME, 2_400_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.evidence()).containsEntry("allocatedCoreSeconds", 24_000L).containsEntry("idlePct", 90.0);
        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(21_600.0);
        assertThat(f.recommendation().config())
                .containsEntry("spark.dynamicAllocation.enabled", "true")
                .containsEntry("spark.dynamicAllocation.maxExecutors", "10");
    }

    @Test
    void evaluate_idleTimeInDriverGaps_isLeftToDriverGapsRule() {
        // Same 24,000 core-s allocated and 2,400 used, but the stage runs only 0-60 s: the 540 s
        // after it are a driver gap (40 cores x 540 s = 21,600 core-s), which resources.driver-gaps
        // reports. Idle while the stage ran: 40 x 60 - 2,400 = 0 core-s left to this rule.
        Application app = TestApps.app().executors(10, 4)
                .stage(0, s -> s.window(0, 60_000).metric(TaskMetric.EXECUTOR_RUN_TIME, 2_400_000))
                .build();
        AnalysisContext context = new AnalysisContext(app, Thresholds.defaults());

        Finding idle = rule.evaluate(context).get(0);
        Finding gaps = new DriverGapsRule().evaluate(context).get(0);

        assertThat(idle.evidence()).containsEntry("idlePct", 90.0).containsEntry("idleCoreSecondsInDriverGaps", 21_600L);
        assertThat(idle.impact().wastedCoreSeconds()).isEqualTo(0.0);
        assertThat(gaps.impact().wastedCoreSeconds()).isEqualTo(21_600.0);
    }

    @Test
    void evaluate_busyExecutors_doesNotFire() {
        Application app = TestApps.app().executors(10, 4)
                .stage(0, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 20_000_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_localMode_doesNotFire() {
        Application app = TestApps.app().local(8).stage(0, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 1_000)).build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_dynamicAllocationAlreadyOn_suggestsShorterIdleTimeout() {
        Application app = TestApps.app().executors(10, 4).property("spark.dynamicAllocation.enabled", "true")
                .stage(0, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 2_400_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("spark.dynamicAllocation.executorIdleTimeout", "30s"));
    }
}
