package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.failures.Fixtures;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorShapeRuleTest {

    private final ExecutorShapeRule rule = new ExecutorShapeRule();

    @Test
    void evaluate_sixteenCoreExecutors_splitsIntoFourCoreExecutorsKeepingMemoryPerCore() {
        Application app = TestApps.app().executors(4, 16).property("spark.executor.cores", "16")
                .property("spark.executor.memory", "64g").property("spark.executor.instances", "4").build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("resources.executor-shape");
        assertThat(f.title()).isEqualTo("Executor shape: 16 cores per executor (above 5)");
        assertThat(f.evidence()).containsEntry("spark.executor.cores", 16).containsEntry("heapPerCore", 4L << 30);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.recommendation().text()).contains("folklore");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spark.executor.cores", "4");
        expected.put("spark.executor.memory", "16g");
        expected.put("spark.executor.instances", "16");
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(expected);
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_manySingleCoreExecutors_mergesThem() {
        Application app = TestApps.app().executors(8, 1).property("spark.executor.cores", "1")
                .property("spark.executor.memory", "4g").property("spark.executor.instances", "8").build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsEntry("spark.executor.cores", "4")
                .containsEntry("spark.executor.memory", "16g").containsEntry("spark.executor.instances", "2");
        assertThat(f.recommendation().text()).contains("broadcast");
    }

    @Test
    void evaluate_littleMemoryPerCore_raisesHeap() {
        // (1800 MiB - 300 MiB) x 0.6 / 4 cores = 225 MiB per core, under the 256 MiB floor;
        // 256 MiB x 4 / 0.6 + 300 MiB = 2,007 MiB, rounded up to whole GiB.
        Application app = TestApps.app().executors(4, 4).property("spark.executor.cores", "4")
                .property("spark.executor.memory", "1800m").build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.executor.memory", "2g"));
    }

    @Test
    void evaluate_fourCoresSixteenGigabytes_doesNotFire() {
        Application app = TestApps.app().executors(4, 4).property("spark.executor.cores", "4")
                .property("spark.executor.memory", "16g").build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
