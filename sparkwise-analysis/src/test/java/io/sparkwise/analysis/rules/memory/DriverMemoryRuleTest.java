package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DriverMemoryRuleTest {

    private final DriverMemoryRule rule = new DriverMemoryRule();

    @Test
    void evaluate_jobFailedOnMaxResultSize_firesCriticalWithLimitFromTheMessage() {
        Application app = ShuffleFixtures.withJobs(TestApps.app().executors(2, 4).build(), List.of(
                ShuffleFixtures.failedJob(4, List.of(9), "Job aborted due to stage failure: Total size of serialized "
                        + "results of 3 tasks (1030.5 MiB) is bigger than spark.driver.maxResultSize (1024.0 MiB)")));

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("memory.driver-memory");
            assertThat(f.scope().describe()).isEqualTo("job 4");
            assertThat(f.evidence()).containsEntry("serializedResultBytes", (long) Math.ceil(1030.5 * 1024 * 1024))
                    .containsEntry("spark.driver.maxResultSize", 1L << 30);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            // 2 x 1030.5 MiB rounded up to 3g; the driver heap at least twice that
            assertThat(f.recommendation().config()).containsExactly(
                    Map.entry("spark.driver.maxResultSize", "3g"), Map.entry("spark.driver.memory", "6g"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_driverOutOfMemory_firesCriticalWithLargerDriverHeap() {
        Application app = ShuffleFixtures.withJobs(TestApps.app().property("spark.driver.memory", "4g").build(),
                List.of(ShuffleFixtures.failedJob(1, List.of(2), "java.lang.OutOfMemoryError: Java heap space")));

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.driver.memory", "8g"));
    }

    @Test
    void evaluate_stageCollectingNearTheLimit_firesAsInfo() {
        Application app = TestApps.app().executors(2, 4)
                .stage(9, s -> s.uniformTasks(TaskQuantity.DURATION, 10, 1_000)
                        .uniformTasks(TaskQuantity.RESULT_SIZE, 10, 60L << 20))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.scope().describe()).isEqualTo("stage 9.0");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.evidence()).containsEntry("resultSize", 600L << 20);
    }

    @Test
    void evaluate_executorTaskOomInJobFailure_leavesItToExecutorOom() {
        Application app = ShuffleFixtures.withJobs(TestApps.app().build(), List.of(ShuffleFixtures.failedJob(1, List.of(2),
                "Job aborted: Lost task 0.3 in stage 2.0: java.lang.OutOfMemoryError: Java heap space")));

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
