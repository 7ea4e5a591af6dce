package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class FailedJobsRuleTest {

    private final FailedJobsRule rule = new FailedJobsRule();

    @Test
    void evaluate_failedJobCostingSeconds_isCriticalAnyway() {
        Application app = Fixtures.withJobReason(TestApps.app().executors(2, 4)
                .stage(3, s -> s.job(7).failed("boom").metric(TaskMetric.EXECUTOR_RUN_TIME, 2_000))
                .job(7, JobStatus.FAILED, List.of(3), OptionalLong.empty()).build(), 7,
                "Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times");

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("failures.failed-jobs");
        assertThat(f.scope().describe()).isEqualTo("job 7");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("executorRunTime", 2_000L)
                .containsEntry("failureReason", "Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times");
        assertThat(f.title()).isEqualTo("Job 7 failed: Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times");
    }

    @Test
    void evaluate_cancelledJob_isRankedByCost() {
        Application app = Fixtures.withJobReason(TestApps.app().executors(2, 4)
                .job(2, JobStatus.FAILED, List.of(), OptionalLong.empty()).build(), 2,
                "Job 2 cancelled because SparkContext was shut down");

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.title()).startsWith("Job 2 was cancelled");
    }

    @Test
    void evaluate_succeededJobs_doesNotFire() {
        Application app = TestApps.app().executors(2, 4).job(0, JobStatus.SUCCEEDED, List.of(), OptionalLong.empty()).build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
