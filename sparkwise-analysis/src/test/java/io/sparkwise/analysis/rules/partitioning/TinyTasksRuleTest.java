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

class TinyTasksRuleTest {

    private final TinyTasksRule rule = new TinyTasksRule();

    @Test
    void evaluate_thousandTinyShuffleTasks_firesWithFewerPartitionsAndAqeCoalescing() {
        Application app = TestApps.app().executors(2, 4).property("spark.sql.shuffle.partitions", "1000")
                .stage(4, s -> s.metric(TaskMetric.SHUFFLE_LOCAL_BYTES_READ, 1L << 30)
                        .uniformTasks(TaskQuantity.DURATION, 1000, 50)
                        .uniformTasks(TaskQuantity.EXECUTOR_RUN_TIME, 1000, 20))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("partitioning.tiny-tasks");
            assertThat(f.scope().describe()).isEqualTo("stage 4.0");
            // 1000 x (50 - 20) ms of overhead, 16 partitions = 2 per core (1 GiB / 128 MiB = 8 is fewer)
            assertThat(f.evidence()).containsEntry("taskOverheadMs", 30_000L).containsEntry("recommendedPartitions", 16L);
            assertThat(f.impact().wastedCoreSeconds()).isCloseTo(30 * (1 - 16 / 1000.0), org.assertj.core.data.Offset.offset(0.5));
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.recommendation().config()).containsExactly(
                    Map.entry("spark.sql.shuffle.partitions", "16"),
                    Map.entry("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false"),
                    Map.entry("spark.sql.adaptive.coalescePartitions.enabled", "true"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_tasksOfHalfASecond_doesNotFire() {
        Application app = TestApps.app().executors(2, 4)
                .stage(4, s -> s.metric(TaskMetric.SHUFFLE_LOCAL_BYTES_READ, 1L << 30)
                        .uniformTasks(TaskQuantity.DURATION, 1000, 500))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_fewTasksPerCore_doesNotFire() {
        // 200 tiny tasks on 100 cores: two per core, as the tuning guide recommends.
        Application app = TestApps.app().executors(25, 4)
                .stage(4, s -> s.uniformTasks(TaskQuantity.DURATION, 200, 50))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
