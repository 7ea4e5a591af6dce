package io.sparkwise.analysis.rules.gc;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorGcRuleTest {

    private final ExecutorGcRule rule = new ExecutorGcRule();

    /** Executors of one core whose task time is the app's 10 minutes (TestApps), with the given GC time each. */
    private static TestApps executorsWithGc(TestApps app, int n, long gcMs) {
        for (int i = 1; i <= n; i++) {
            app.executor(String.valueOf(i), 1, 0, OptionalLong.empty(), Optional.empty(), gcMs, Optional.empty());
        }
        return app;
    }

    @Test
    void evaluate_quarterOfTaskTimeInGc_firesWithMoreMemoryPerCore() {
        Application app = executorsWithGc(TestApps.app(), 4, 150_000).build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("gc.executor-gc");
            assertThat(f.scope().isApplication()).isTrue();
            assertThat(f.evidence()).containsEntry("totalGCTime", 600_000L).containsEntry("totalDuration", 2_400_000L)
                    .containsEntry("gcRatio", 0.25).containsEntry("executorsAboveWarnRatio", 4L);
            // GC above the healthy 8%: 600 s - 0.08 x 2400 s = 408 core-seconds of 2400
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(408.0);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            // per task (1024 - 300) x 0.6 / 1 core = 434 MiB, x 1.5 -> heap 651.6 / 0.6 + 300 = 1386 MiB -> 2g; Java 17: G1 already
            assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.executor.memory", "2g"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_shortApplication_doesNotFire() {
        Application app = executorsWithGc(TestApps.app().durationMs(180_000), 4, 45_000).build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_healthyGcShare_doesNotFire() {
        Application app = executorsWithGc(TestApps.app(), 4, 30_000).build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
