package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerDelayRuleTest {

    private final SchedulerDelayRule rule = new SchedulerDelayRule();

    @Test
    void evaluate_tinyTasksWithLongDelay_firesAsSmallTasks() {
        // 4,000 tasks running 50 ms, each waiting 100 ms: 400 s of delay vs 200 s of run time.
        Application app = TestApps.app().executors(2, 4)
                .stage(0, s -> s.uniformTasks(TaskQuantity.DURATION, 4_000, 150)
                        .uniformTasks(TaskQuantity.SCHEDULER_DELAY, 4_000, 100)
                        .uniformTasks(TaskQuantity.EXECUTOR_RUN_TIME, 4_000, 50))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("resources.scheduler-delay");
        assertThat(f.evidence()).containsEntry("schedulerDelay", 400_000L).containsEntry("executorRunTime", 200_000L)
                .containsEntry("delaySharePct", 66.7).containsEntry("tasks", 4_000L);
        assertThat(f.impact().wastedCoreSeconds()).isEqualTo(400.0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);   // 400 of 4,800 core-s: 8%
        assertThat(f.recommendation().text()).contains("200 ms");
        assertThat(f.recommendation().config()).isEmpty();
    }

    @Test
    void evaluate_longTasksWithLongDelay_blamesTheDriver() {
        Application app = TestApps.app().executors(2, 4)
                .stage(0, s -> s.uniformTasks(TaskQuantity.DURATION, 100, 10_000)
                        .uniformTasks(TaskQuantity.SCHEDULER_DELAY, 100, 3_000)
                        .uniformTasks(TaskQuantity.EXECUTOR_RUN_TIME, 100, 7_000))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().text()).contains("driver");
    }

    @Test
    void evaluate_smallDelays_doesNotFire() {
        Application app = TestApps.app().executors(2, 4)
                .stage(0, s -> s.uniformTasks(TaskQuantity.SCHEDULER_DELAY, 1_000, 5)
                        .uniformTasks(TaskQuantity.EXECUTOR_RUN_TIME, 1_000, 2_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
