package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.failures.Fixtures;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictingSettingsRuleTest {

    private static List<Finding> run(Application app) {
        return new ConflictingSettingsRule().evaluate(new AnalysisContext(app, Thresholds.defaults()));
    }

    @Test
    void evaluate_instancesWithDynamicAllocation_makesTheStartingCountExplicit() {
        Application app = TestApps.app().executors(2, 4).property("spark.dynamicAllocation.enabled", "true")
                .property("spark.executor.instances", "10").property("spark.dynamicAllocation.initialExecutors", "3")
                .property("spark.dynamicAllocation.maxExecutors", "50").build();

        Finding f = run(app).get(0);

        assertThat(f.ruleId()).isEqualTo("config.conflicting");
        assertThat(f.evidence()).containsEntry("effectiveInitialExecutors", 10L);
        assertThat(f.recommendation().config())
                .containsExactlyInAnyOrderEntriesOf(Map.of("spark.dynamicAllocation.initialExecutors", "10"));
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_coresNotAMultipleOfTaskCpus_costsTheRemainder() {
        // 5 cores, 2 cpus per task: 1 core in 5 never runs a task; 2 x 5 x 600 s = 6,000 core-s allocated.
        Application app = TestApps.app().executors(2, 5).property("spark.executor.cores", "5")
                .property("spark.task.cpus", "2").build();

        Finding f = run(app).get(0);

        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(1_200.0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);   // 20% of the allocated core-seconds
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.executor.cores", "4"));
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_offHeapWithoutSizeAndHeartbeatAboveTimeout_reportsEach() {
        Application app = TestApps.app().executors(2, 4).property("spark.memory.offHeap.enabled", "true")
                .property("spark.executor.heartbeatInterval", "200s").property("spark.network.timeout", "120s").build();

        List<Finding> findings = run(app);

        assertThat(findings).extracting(f -> f.recommendation().config()).containsExactly(
                Map.of("spark.memory.offHeap.enabled", "false"),
                Map.of("spark.executor.heartbeatInterval", "10s"));
        findings.forEach(f -> Fixtures.assertValid(app, f.recommendation().config()));
    }

    @Test
    void evaluate_overheadWithFactor_tellsToDropTheFactor() {
        Application app = TestApps.app().property("spark.executor.memoryOverhead", "2g")
                .property("spark.executor.memoryOverheadFactor", "0.2").build();

        assertThat(run(app)).singleElement().satisfies(f -> assertThat(f.recommendation().text())
                .contains("remove spark.executor.memoryOverheadFactor"));
    }

    @Test
    void evaluate_consistentSettings_doesNotFire() {
        Application app = TestApps.app().executors(2, 4).property("spark.executor.cores", "4").property("spark.task.cpus", "2")
                .property("spark.memory.offHeap.enabled", "true").property("spark.memory.offHeap.size", "2g")
                .property("spark.dynamicAllocation.enabled", "true").build();

        assertThat(run(app)).isEmpty();
    }
}
