package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AqeDisabledRuleTest {

    private final AqeDisabledRule rule = new AqeDisabledRule();

    /** One query whose reduce stage read 100 MiB in 200 tasks of 2 s each. */
    private static Application app(String version, String aqe, String rootNode, long shuffleRead) {
        SqlFixtures f = new SqlFixtures();
        TestApps t = TestApps.app().executors(4, 4).sparkVersion(version)
                .job(0, JobStatus.SUCCEEDED, List.of(1), OptionalLong.of(0))
                .stage(1, s -> s.job(0).metric(TaskMetric.SHUFFLE_LOCAL_BYTES_READ, shuffleRead)
                        .uniformTasks(TaskQuantity.DURATION, 200, 2_000));
        if (aqe != null) {
            t.property("spark.sql.adaptive.enabled", aqe);
        }
        return SqlFixtures.with(t.build(), f.execution(0, f.node(rootNode, rootNode), "", 0));
    }

    private List<Finding> evaluate(Application app) {
        return rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));
    }

    @Test
    void evaluate_spark31WithAqeUnset_firesWithCoalescedTaskCount() {
        Application app = app("3.1.2", null, "HashAggregate", 100L << 20);

        assertThat(evaluate(app)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.aqe-disabled");
            assertThat(f.scope()).isEqualTo(Scope.APPLICATION);
            assertThat(f.evidence())
                    .containsEntry("sparkVersion", "3.1")
                    .containsEntry("spark.sql.adaptive.enabled", "unset (default false before 3.2)")
                    .containsEntry("shuffleStages", 1)
                    .containsEntry("maxReduceTasks", 200)
                    // 100 MiB / 64 MiB -> 2 partitions: 198 tasks too many
                    .containsEntry("tasksAqeWouldCoalesce", 198L);
            // 198 tasks x 2 s (the sketch's median, within 1%)
            assertThat(f.impact().wastedCoreSeconds()).isBetween(392.0, 400.0);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "spark.sql.adaptive.enabled", "true", "spark.sql.adaptive.coalescePartitions.enabled", "true"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(), f.recommendation().config())
                    .valid()).isTrue();
        });
    }

    @Test
    void evaluate_spark35WithAqeTurnedOff_fires() {
        assertThat(evaluate(app("3.5.1", "false", "HashAggregate", 100L << 20))).hasSize(1);
    }

    @Test
    void evaluate_spark35WithDefault_doesNotFire() {
        assertThat(evaluate(app("3.5.1", null, "HashAggregate", 100L << 20))).isEmpty();
    }

    @Test
    void evaluate_spark24BeforeAqe_doesNotFire() {
        assertThat(evaluate(app("2.4.8", null, "HashAggregate", 100L << 20))).isEmpty();
    }

    @Test
    void evaluate_planShowsAdaptiveSparkPlan_doesNotFire() {
        // The plan proves AQE ran, whatever the logged properties say.
        assertThat(evaluate(app("3.1.2", null, "AdaptiveSparkPlan", 100L << 20))).isEmpty();
    }

    @Test
    void evaluate_noShuffle_doesNotFire() {
        assertThat(evaluate(app("3.1.2", "false", "HashAggregate", 0))).isEmpty();
    }
}
