package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static io.sparkwise.analysis.testing.TestApps.node;
import static org.assertj.core.api.Assertions.assertThat;

class ShuffleReadSkewRuleTest {

    private static final long MIB = 1024L * 1024;
    private final ShuffleReadSkewRule rule = new ShuffleReadSkewRule();

    static long[] oneLarge(int n, long typical, long large) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, typical);
        v[n - 1] = large;
        return v;
    }

    @Test
    void evaluate_hotKeyInJoin_firesNamingTheJoinWithAqeSkewSettings() {
        Application app = TestApps.app().executors(4, 4)
                .stage(3, s -> s.window(0, 600_000).job(0)
                        .tasks(TaskQuantity.DURATION, oneLarge(40, 20_000, 580_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, oneLarge(40, 100 * MIB, 4096 * MIB)))
                .job(0, JobStatus.SUCCEEDED, List.of(3), OptionalLong.of(7))
                .sql(7, "join", node("SortMergeJoin", "SortMergeJoin [id#1], [id#2], Inner"), List.of(0))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("skew.shuffle-read");
            assertThat(f.scope().describe()).isEqualTo("stage 3.0");
            assertThat(f.evidence()).containsEntry("maxShuffleReadBytes", 4096 * MIB)
                    .containsEntry("join", "SortMergeJoin [id#1], [id#2], Inner")
                    .containsEntry("sqlExecutionId", 7L);
            // (580 s - 20 s) x (16 cores - 1) = 8400 core-seconds of 9600 allocated
            assertThat(f.impact().wastedCoreSeconds()).isBetween(8390.0, 8400.0);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            // AQE is on by default in 3.5; threshold 2 x the 100 MiB median (sketch: within 1%, rounded down to MiB); factor 5 (ratio 41 / 2 capped at 5)
            assertThat(f.recommendation().config()).containsExactly(
                    java.util.Map.entry("spark.sql.adaptive.skewJoin.enabled", "true"),
                    java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionFactor", "5"),
                    java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "200m"));
            assertThat(f.recommendation().text()).contains("SortMergeJoin").contains("salt");
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_spark31WithoutAqe_turnsAqeOn() {
        Application app = TestApps.app().sparkVersion("3.1.2").executors(4, 4)
                .stage(3, s -> s.tasks(TaskQuantity.DURATION, oneLarge(40, 20_000, 580_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, oneLarge(40, 100 * MIB, 4096 * MIB)))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsEntry("spark.sql.adaptive.enabled", "true");
    }

    @Test
    void evaluate_skewedBytesButStragglerCostsSeconds_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(3, s -> s.tasks(TaskQuantity.DURATION, oneLarge(40, 1_000, 9_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, oneLarge(40, 100 * MIB, 4096 * MIB)))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_largestPartitionBelowAqeThreshold_doesNotFire() {
        // 10x the median but only 100 MiB: AQE would not call it skewed either.
        Application app = TestApps.app().executors(4, 4)
                .stage(3, s -> s.tasks(TaskQuantity.DURATION, oneLarge(40, 20_000, 580_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, oneLarge(40, 10 * MIB, 100 * MIB)))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
