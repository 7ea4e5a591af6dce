package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExcludedExecutorsRuleTest {

    private final ExcludedExecutorsRule rule = new ExcludedExecutorsRule();

    @Test
    void evaluate_executorStillExcluded_firesNamingHost() {
        Application app = Fixtures.withEventCounts(Fixtures.withExecutors(TestApps.app().executors(2, 4).build(),
                Fixtures.executor("8", 4, Optional.empty(), true, 6)), Map.of("SparkListenerExecutorExcluded", 1L), 0);

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("failures.excluded-executors");
        assertThat(f.title()).isEqualTo("1 executor still excluded at the end, on 1 host");
        assertThat(f.evidence()).containsEntry("hosts", "host-8").containsEntry("exclusionEvents", 1L)
                .containsEntry("failedTasksOnExcludedExecutors", 6);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void evaluate_expiredExclusionEvents_firesFromEvents() {
        Application app = Fixtures.withEventCounts(TestApps.app().executors(2, 4).build(),
                Map.of("SparkListenerExecutorBlacklistedForStage", 2L), 0);

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("exclusionEvents", 2L).containsEntry("excludedExecutors", 0));
    }

    @Test
    void evaluate_noExclusions_doesNotFire() {
        Application app = TestApps.app().executors(2, 4).build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
