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

class DefaultShufflePartitionsRuleTest {

    private static final long GIB = 1L << 30;
    private final DefaultShufflePartitionsRule rule = new DefaultShufflePartitionsRule();

    @Test
    void evaluate_200PartitionsOfOneGigabyte_firesWithCountFromData() {
        Application app = TestApps.app().executors(4, 4)
                .stage(5, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 200 * GIB)
                        .uniformTasks(TaskQuantity.DURATION, 200, 90_000))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("partitioning.default-shuffle-partitions");
            assertThat(f.scope().describe()).isEqualTo("stage 5.0");
            assertThat(f.evidence()).containsEntry("averageShuffleReadBytesPerTask", GIB)
                    .containsEntry("spark.sql.shuffle.partitions", "unset (default 200)");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            // 200 GiB / 128 MiB
            assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.sql.shuffle.partitions", "1600"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_200TinyPartitionsWithoutAqe_firesWithFewerPartitionsAndAqe() {
        Application app = TestApps.app().sparkVersion("3.1.1").executors(2, 4)
                .stage(5, s -> s.metric(TaskMetric.SHUFFLE_LOCAL_BYTES_READ, 200 * 100 * 1024L)
                        .uniformTasks(TaskQuantity.DURATION, 200, 60)
                        .uniformTasks(TaskQuantity.EXECUTOR_RUN_TIME, 200, 10))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.title()).contains("far below");
        // 2 per core on 8 cores
        assertThat(f.recommendation().config()).containsExactly(
                Map.entry("spark.sql.shuffle.partitions", "16"),
                Map.entry("spark.sql.adaptive.enabled", "true"),
                Map.entry("spark.sql.adaptive.coalescePartitions.enabled", "true"));
    }

    @Test
    void evaluate_tinyPartitionsWithAqeOn_doesNotFire() {
        Application app = TestApps.app().executors(2, 4)
                .stage(5, s -> s.metric(TaskMetric.SHUFFLE_LOCAL_BYTES_READ, 200 * 100 * 1024L)
                        .uniformTasks(TaskQuantity.DURATION, 200, 60))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_settingChosenExplicitly_doesNotFire() {
        Application app = TestApps.app().executors(4, 4).property("spark.sql.shuffle.partitions", "200")
                .stage(5, s -> s.metric(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, 200 * GIB)
                        .uniformTasks(TaskQuantity.DURATION, 200, 90_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
