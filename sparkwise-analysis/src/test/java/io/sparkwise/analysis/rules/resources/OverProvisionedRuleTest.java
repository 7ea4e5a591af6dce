package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.failures.Fixtures;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OverProvisionedRuleTest {

    private final OverProvisionedRule rule = new OverProvisionedRule();

    @Test
    void evaluate_tenExecutorsForTwelveTasks_firesWithComputedExecutorCount() {
        // 10 x 4 = 40 cores; the widest stage has 12 tasks: 3 executors would do.
        Application app = TestApps.app().executors(10, 4).property("spark.executor.instances", "10")
                .property("spark.executor.cores", "4")
                .stage(0, s -> s.window(0, 300_000).uniformTasks(TaskQuantity.DURATION, 12, 1_000))
                .stage(1, s -> s.window(300_000, 600_000).uniformTasks(TaskQuantity.DURATION, 4, 1_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("resources.over-provisioned");
        assertThat(f.evidence()).containsEntry("peakConcurrentCores", 40).containsEntry("peakTaskDemand", 12)
                .containsEntry("neededExecutors", 3);
        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(24_000 * 28 / 40.0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.executor.instances", "3"));
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_dynamicAllocationWithHighBounds_capsAndLowersBounds() {
        Application app = TestApps.app().executors(10, 4).property("spark.dynamicAllocation.enabled", "true")
                .property("spark.dynamicAllocation.minExecutors", "5").property("spark.dynamicAllocation.initialExecutors", "10")
                .property("spark.dynamicAllocation.maxExecutors", "50")
                .stage(0, s -> s.window(0, 600_000).uniformTasks(TaskQuantity.DURATION, 8, 1_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spark.dynamicAllocation.maxExecutors", "2");
        expected.put("spark.dynamicAllocation.minExecutors", "2");
        expected.put("spark.dynamicAllocation.initialExecutors", "2");
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(expected);
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_stagesAsWideAsTheCluster_doesNotFire() {
        Application app = TestApps.app().executors(10, 4)
                .stage(0, s -> s.window(0, 600_000).uniformTasks(TaskQuantity.DURATION, 200, 1_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
