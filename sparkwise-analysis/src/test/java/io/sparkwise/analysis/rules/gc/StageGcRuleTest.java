package io.sparkwise.analysis.rules.gc;

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

class StageGcRuleTest {

    private final StageGcRule rule = new StageGcRule();

    @Test
    void evaluate_stageWithAFifthOfRunTimeInGc_firesWithG1OnJava8() {
        Application app = TestApps.app().executors(2, 4).property("spark.executor.memory", "4g")
                .property("spark.executor.cores", "4")
                .stage(7, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 600_000).metric(TaskMetric.JVM_GC_TIME, 120_000)
                        .uniformTasks(TaskQuantity.DURATION, 40, 15_000))
                .build();
        Application java8 = new Application(app.info(), new io.sparkwise.model.Environment(java.util.Optional.of("1.8.0_392"),
                java.util.Optional.empty(), java.util.Optional.empty(), app.environment().sparkProperties(), Map.of(),
                Map.of(), Map.of(), 0), app.resourceProfiles(), app.jobs(), app.stages(), app.executors(),
                app.sqlExecutions(), app.taskFailures(), app.readReport());

        List<Finding> findings = rule.evaluate(new AnalysisContext(java8, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("gc.stage-gc");
            assertThat(f.scope().describe()).isEqualTo("stage 7.0");
            assertThat(f.evidence()).containsEntry("jvmGcTime", 120_000L).containsEntry("gcRatio", 0.2);
            // 120 s - 0.08 x 600 s = 72 core-seconds of 4800
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(72.0);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            // per task (4096 - 300) x 0.6 / 4 = 569 MiB, x 1.5 -> 854 x 4 / 0.6 + 300 = 5995 MiB -> 6g
            assertThat(f.recommendation().config()).containsExactly(
                    Map.entry("spark.executor.memory", "6g"),
                    Map.entry("spark.executor.extraJavaOptions", "-XX:+UseG1GC"));
            assertThat(new ConfigValidator().validate(java8.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_shortStage_doesNotFire() {
        Application app = TestApps.app().executors(2, 4)
                .stage(7, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 30_000).metric(TaskMetric.JVM_GC_TIME, 15_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_lowGcShare_doesNotFire() {
        Application app = TestApps.app().executors(2, 4)
                .stage(7, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 600_000).metric(TaskMetric.JVM_GC_TIME, 30_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
