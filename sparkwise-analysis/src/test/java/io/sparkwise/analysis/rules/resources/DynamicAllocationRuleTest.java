package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.failures.Fixtures;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DynamicAllocationRuleTest {

    private static List<Finding> run(Application app) {
        return new DynamicAllocationRule().evaluate(new AnalysisContext(app, Thresholds.defaults()));
    }

    @Test
    void evaluate_offWithOneWideAndOneLongNarrowStage_enablesItCappedAtInstances() {
        // 40 cores for 20 minutes; a 2-minute stage of 400 tasks, then 18 minutes of a 4-task stage.
        Application app = TestApps.app().durationMs(1_200_000).executors(10, 4).property("spark.executor.instances", "10")
                .stage(0, s -> s.window(0, 120_000).uniformTasks(TaskQuantity.DURATION, 400, 1_000)
                        .metric(TaskMetric.EXECUTOR_RUN_TIME, 4_800_000))
                .stage(1, s -> s.window(120_000, 1_200_000).uniformTasks(TaskQuantity.DURATION, 4, 1_000)
                        .metric(TaskMetric.EXECUTOR_RUN_TIME, 4_320_000))
                .build();

        Finding f = run(app).get(0);

        assertThat(f.ruleId()).isEqualTo("resources.dynamic-allocation");
        assertThat(f.evidence()).containsEntry("narrowStages", 1).containsEntry("narrowStageTimeSharePct", 90.0)
                .containsEntry("unusedCoreSecondsInNarrowStages", 38_880L);
        // capped at the idle core time: 48,000 allocated - 9,120 used
        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(38_880.0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.recommendation().config()).containsEntry("spark.dynamicAllocation.enabled", "true")
                .containsEntry("spark.dynamicAllocation.shuffleTracking.enabled", "true")
                .containsEntry("spark.dynamicAllocation.maxExecutors", "10")
                .containsEntry("spark.dynamicAllocation.minExecutors", "0");
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_boundsOutOfOrder_bringsThemWithinMaxAndPassesValidator() {
        Application app = TestApps.app().executors(2, 4).property("spark.dynamicAllocation.enabled", "true")
                .property("spark.dynamicAllocation.maxExecutors", "20").property("spark.dynamicAllocation.minExecutors", "30")
                .property("spark.dynamicAllocation.initialExecutors", "50").property("spark.executor.instances", "40")
                .property("spark.dynamicAllocation.shuffleTracking.enabled", "true").build();

        Finding f = run(app).get(0);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spark.dynamicAllocation.minExecutors", "20");
        expected.put("spark.dynamicAllocation.initialExecutors", "20");
        expected.put("spark.executor.instances", "20");
        assertThat(f.title()).startsWith("Dynamic allocation bounds out of order");
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(expected);
        // the current settings fail the validator; with the fix applied they pass
        assertThat(new io.sparkwise.analysis.config.ConfigValidator().validate(app.environment().sparkProperties(), Map.of())
                .valid()).isFalse();
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_onWithTrackingOffAndLongIdleTimeout_reportsBoth() {
        Application app = TestApps.app().executors(2, 4).property("spark.dynamicAllocation.enabled", "true")
                .property("spark.dynamicAllocation.shuffleTracking.enabled", "false")
                .property("spark.dynamicAllocation.executorIdleTimeout", "30min").build();

        List<Finding> findings = run(app);

        assertThat(findings).extracting(f -> f.recommendation().config()).containsExactly(
                Map.of("spark.dynamicAllocation.shuffleTracking.enabled", "true"),
                Map.of("spark.dynamicAllocation.executorIdleTimeout", "60s"));
        findings.forEach(f -> Fixtures.assertValid(app, f.recommendation().config()));
    }

    @Test
    void evaluate_offForAShortUniformApplication_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(0, s -> s.window(0, 300_000).uniformTasks(TaskQuantity.DURATION, 64, 1_000))
                .stage(1, s -> s.window(300_000, 600_000).uniformTasks(TaskQuantity.DURATION, 64, 1_000))
                .build();

        assertThat(run(app)).isEmpty();
    }

    @Test
    void evaluate_onAndWellSet_doesNotFire() {
        Application app = TestApps.app().executors(4, 4).property("spark.dynamicAllocation.enabled", "true")
                .property("spark.dynamicAllocation.shuffleTracking.enabled", "true")
                .property("spark.dynamicAllocation.maxExecutors", "20").build();

        assertThat(run(app)).isEmpty();
    }
}
