package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionMemoryPressureRuleTest {

    private static final long MIB = 1L << 20;
    private final ExecutionMemoryPressureRule rule = new ExecutionMemoryPressureRule();

    @Test
    void evaluate_peakAt95PercentOfTheTaskShare_firesAsInfoWithLargerHeap() {
        // 4 GiB storage memory / 4 cores (TestApps): 1 GiB per task; the largest task peaked at 973 MiB
        Application app = TestApps.app().executors(4, 4)
                .stage(2, s -> s.metric(TaskMetric.INPUT_BYTES, 10L << 30)
                        .uniformTasks(TaskQuantity.DURATION, 40, 10_000)
                        .tasks(TaskQuantity.PEAK_EXECUTION_MEMORY, ShuffleFixtures.oneLarge(40, 100 * MIB, 973 * MIB)))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("memory.execution-memory-pressure");
            assertThat(f.scope().describe()).isEqualTo("stage 2.0");
            assertThat(f.evidence()).containsEntry("maxPeakExecutionMemory", 973 * MIB)
                    .containsEntry("executionMemoryPerTaskBytes", 1024 * MIB);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.impact().wastedCoreSeconds()).isZero();
            // per task today (1g heap model): (1024 - 300) x 0.6 / 4 = 108.6 MiB; x 0.95 / 0.7 = 147.4 MiB
            // -> heap = 147.4 x 4 / 0.6 + 300 = 1283 MiB, rounded up to 2g
            assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.executor.memory", "2g"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_peakWellBelowTheShare_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(2, s -> s.uniformTasks(TaskQuantity.DURATION, 40, 10_000)
                        .uniformTasks(TaskQuantity.PEAK_EXECUTION_MEMORY, 40, 300 * MIB))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_logWithoutPeakExecutionMemory_doesNotGuess() {
        Application app = TestApps.app().executors(4, 4)
                .stage(2, s -> s.uniformTasks(TaskQuantity.DURATION, 40, 10_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
