package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageRetriesRuleTest {

    private final StageRetriesRule rule = new StageRetriesRule();

    @Test
    void evaluate_resubmittedStage_firesWithFailedAttemptRunTime() {
        Application app = TestApps.app().executors(2, 4)
                .stage(4, s -> s.attempt(0).failed("FetchFailed(BlockManagerId(3, host-3, 7337), shuffleId=1)")
                        .metric(TaskMetric.EXECUTOR_RUN_TIME, 900_000))
                .stage(4, s -> s.attempt(1).metric(TaskMetric.EXECUTOR_RUN_TIME, 800_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("failures.stage-retries");
        assertThat(f.scope().describe()).isEqualTo("stage 4.1");
        assertThat(f.evidence()).containsEntry("attempts", 2).containsEntry("failedAttempts", 1)
                .containsEntry("failedAttemptsExecutorRunTime", 900_000L).containsEntry("finalStatus", "COMPLETE");
        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(900.0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);   // 900 of 4,800 core-s: 19%
        assertThat(f.recommendation().text()).contains("failures.fetch-failed");
        assertThat(f.recommendation().config()).isEmpty();
    }

    @Test
    void evaluate_singleAttemptStages_doesNotFire() {
        Application app = TestApps.app().executors(2, 4).stage(1, s -> { }).stage(2, s -> s.failed("Job aborted")).build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
