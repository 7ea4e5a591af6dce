package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.sparkwise.analysis.rules.failures.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

class TaskFailuresRuleTest {

    private final TaskFailuresRule rule = new TaskFailuresRule();

    private static List<Finding> run(Application app) {
        return new TaskFailuresRule().evaluate(new AnalysisContext(app, Thresholds.defaults()));
    }

    @Test
    void evaluate_exceptionFailuresCostingAQuarterOfTheRun_firesCriticalWithClassAndMessage() {
        // 2 x 4 cores x 600 s = 4,800 core-s allocated; 40 failed attempts wasted 1,600 s (33%).
        Application app = Fixtures.withFailures(TestApps.app().executors(2, 4)
                        .stage(2, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 2_000_000)).build(), 2,
                group(TaskFailureKind.EXCEPTION_FAILURE, "java.lang.NullPointerException", 40,
                        "Cannot invoke \"String.length()\"\nat com.acme.Job.parse", 2, 1_600_000));

        Finding f = run(app).get(0);

        assertThat(f.ruleId()).isEqualTo("failures.task-failures");
        assertThat(f.scope().describe()).isEqualTo("stage 2.0");
        assertThat(f.evidence()).containsEntry("failedTaskAttempts", 40).containsEntry("wastedTaskTime", 1_600_000L)
                .containsEntry("failures[java.lang.NullPointerException]", 40)
                .containsEntry("sampleMessage[java.lang.NullPointerException]",
                        "Cannot invoke \"String.length()\" at com.acme.Job.parse");
        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(1_600.0);
        // 33% of the cost but under half a core-hour: a warning (severity.yaml).
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.recommendation().config()).isEmpty();
        assertThat(f.recommendation().text()).contains("cannot fix");
    }

    @Test
    void evaluate_transientErrorsExhaustedRetries_raisesMaxFailures() {
        Application app = Fixtures.withFailures(TestApps.app().executors(2, 4).property("spark.task.maxFailures", "2")
                        .stage(1, s -> s.failed("Task 3 in stage 1.0 failed 2 times")).build(), 1,
                group(TaskFailureKind.EXCEPTION_FAILURE, "java.net.SocketTimeoutException", 2, "Read timed out", 1, 20_000));

        Finding f = run(app).get(0);

        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.task.maxFailures", "4"));
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_outOfMemoryOnly_doesNotFireBecauseMemoryRuleOwnsIt() {
        Application app = Fixtures.withFailures(TestApps.app().executors(2, 4).stage(1, s -> { }).build(), 1,
                group(TaskFailureKind.EXCEPTION_FAILURE, "java.lang.OutOfMemoryError", 3, "Java heap space", 1, 90_000));

        assertThat(run(app)).isEmpty();
    }

    @Test
    void evaluate_fetchFailuresAndKills_doesNotFire() {
        Application app = Fixtures.withFailures(TestApps.app().executors(2, 4).stage(1, s -> { }).build(), 1,
                group(TaskFailureKind.FETCH_FAILED, "shuffle fetch failed from host-1", 3, "", 1, 90_000),
                group(TaskFailureKind.TASK_KILLED, "another attempt succeeded", 2, "", 1, 9_000));

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
