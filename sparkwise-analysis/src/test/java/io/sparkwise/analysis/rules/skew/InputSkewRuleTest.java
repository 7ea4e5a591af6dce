package io.sparkwise.analysis.rules.skew;

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

import static io.sparkwise.analysis.rules.skew.ShuffleReadSkewRuleTest.oneLarge;
import static org.assertj.core.api.Assertions.assertThat;

class InputSkewRuleTest {

    private static final long MIB = 1024L * 1024;
    private final InputSkewRule rule = new InputSkewRule();

    @Test
    void evaluate_unevenSplitsBelowSplitSize_firesWithSmallerSplits() {
        Application app = TestApps.app().executors(4, 4).property("spark.sql.files.maxPartitionBytes", "512m")
                .stage(0, s -> s.tasks(TaskQuantity.DURATION, oneLarge(40, 10_000, 200_000))
                        .tasks(TaskQuantity.INPUT_BYTES, oneLarge(40, 20 * MIB, 400 * MIB)))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("skew.input");
            assertThat(f.scope().describe()).isEqualTo("stage 0.0");
            assertThat(f.evidence()).containsEntry("maxInputBytes", 400 * MIB)
                    .containsEntry("spark.sql.files.maxPartitionBytes", 512 * MIB);
            // (200 s - 10 s) x 15 cores = 2850 core-seconds of 9600: 30%
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            // split at 2 x the 20 MiB median (at least 32 MiB)
            assertThat(f.recommendation().config()).containsExactly(
                    java.util.Map.entry("spark.sql.files.maxPartitionBytes", "40m"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_splitLargerThanSplitSize_blamesNonSplittableFiles() {
        Application app = TestApps.app().executors(4, 4)
                .stage(0, s -> s.tasks(TaskQuantity.DURATION, oneLarge(40, 10_000, 200_000))
                        .tasks(TaskQuantity.INPUT_BYTES, oneLarge(40, 20 * MIB, 1024 * MIB)))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).isEmpty();
        assertThat(f.recommendation().text()).contains("cannot split");
    }

    @Test
    void evaluate_evenSplits_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(0, s -> s.tasks(TaskQuantity.DURATION, oneLarge(40, 10_000, 200_000))
                        .uniformTasks(TaskQuantity.INPUT_BYTES, 40, 128 * MIB))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
