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

class SpillRuleTest {

    private static final long GIB = 1L << 30;
    private final SpillRule rule = new SpillRule();

    @Test
    void evaluate_shuffleStageSpilling100GiB_firesWithPartitionsThatFitTheMemoryShare() {
        // 4 executors x 4 cores, 4 GiB storage memory each (TestApps): 1 GiB per task
        Application app = TestApps.app().executors(4, 4)
                .stage(6, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 500 * GIB)
                        .metric(TaskMetric.MEMORY_BYTES_SPILLED, 400 * GIB)
                        .metric(TaskMetric.DISK_BYTES_SPILLED, 100 * GIB)
                        .uniformTasks(TaskQuantity.DURATION, 200, 60_000))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("memory.spill");
            assertThat(f.scope().describe()).isEqualTo("stage 6.0");
            assertThat(f.evidence()).containsEntry("diskBytesSpilled", 100 * GIB)
                    .containsEntry("executionMemoryPerTaskBytes", GIB).containsEntry("recommendedPartitions", 600L);
            // written and read back at 200 MiB/s: 2 x 100 GiB / 200 MiB/s = 1024 core-seconds of 9600
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(1024.0);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.missingEvidence()).containsExactly("peakExecutionMemory");
            // 200 tasks + 400 GiB spilled / 1 GiB per task
            assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.sql.shuffle.partitions", "600"));
            // the memory alternative: 3x the per-task memory of the 1g default heap: (1024 - 300) x 0.6 / 4 x 3 = 326 MiB
            // -> 326 x 4 / 0.6 + 300 = 2472 MiB, rounded up to 3g
            assertThat(f.recommendation().text()).contains("spark.executor.memory=3g");
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_memoryFractionLoweredByTheApp_restoresTheDefaultFirst() {
        // the demo's spill scenario: more partitions alone left the spill in place at fraction 0.02
        Application app = TestApps.app().executors(4, 4).property("spark.memory.fraction", "0.02")
                .stage(6, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 500 * GIB)
                        .metric(TaskMetric.MEMORY_BYTES_SPILLED, 400 * GIB)
                        .metric(TaskMetric.DISK_BYTES_SPILLED, 100 * GIB)
                        .uniformTasks(TaskQuantity.DURATION, 200, 60_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.memory.fraction", "0.6"));
        assertThat(f.recommendation().text()).contains("spark.memory.fraction is 0.02, below Spark's default 0.6")
                .contains("about 600 partitions");
        assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                f.recommendation().config()).valid()).isTrue();
    }

    @Test
    void evaluate_smallSpill_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(6, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 500 * GIB)
                        .metric(TaskMetric.DISK_BYTES_SPILLED, 50L << 20)
                        .uniformTasks(TaskQuantity.DURATION, 200, 60_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_spillSmallNextToTheData_doesNotFire() {
        // 1 GiB spilled while reading 500 GiB: 0.2%, not worth a finding
        Application app = TestApps.app().executors(4, 4)
                .stage(6, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 500 * GIB)
                        .metric(TaskMetric.DISK_BYTES_SPILLED, GIB)
                        .uniformTasks(TaskQuantity.DURATION, 200, 60_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
