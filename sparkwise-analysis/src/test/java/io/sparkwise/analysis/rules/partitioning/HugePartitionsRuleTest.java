package io.sparkwise.analysis.rules.partitioning;

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

class HugePartitionsRuleTest {

    private static final long GIB = 1L << 30;
    private final HugePartitionsRule rule = new HugePartitionsRule();

    @Test
    void evaluate_scanWithOneGigabyteSplits_firesWith128MiBSplits() {
        Application app = TestApps.app().executors(4, 4).property("spark.sql.files.maxPartitionBytes", "1g")
                .stage(0, s -> s.metric(TaskMetric.INPUT_BYTES, 10 * GIB)
                        .uniformTasks(TaskQuantity.DURATION, 10, 60_000)
                        .uniformTasks(TaskQuantity.INPUT_BYTES, 10, GIB))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("partitioning.huge-partitions");
            assertThat(f.scope().describe()).isEqualTo("stage 0.0");
            assertThat(f.evidence()).containsEntry("medianInputBytesPerTask", GIB).containsEntry("recommendedPartitions", 80L);
            // 16 cores, 10 tasks: 6 cores idle for the stage's 60 s
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(360.0);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.sql.files.maxPartitionBytes", "128m"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_shuffleOfTwoGigabytePartitions_firesWithPartitionsFromData() {
        // 500 GB in 250 partitions of 2 GiB: 500 GiB / 128 MiB = 4000 partitions
        Application app = TestApps.app().executors(4, 4).property("spark.sql.shuffle.partitions", "250")
                .stage(2, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 500 * GIB)
                        .uniformTasks(TaskQuantity.DURATION, 250, 60_000)
                        .uniformTasks(TaskQuantity.SHUFFLE_READ_BYTES, 250, 2 * GIB))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.sql.shuffle.partitions", "4000"));
    }

    @Test
    void evaluate_partitionsNearTarget_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(2, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 200 * 100L << 20)
                        .uniformTasks(TaskQuantity.DURATION, 200, 5_000)
                        .uniformTasks(TaskQuantity.SHUFFLE_READ_BYTES, 200, 100L << 20))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
