package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
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

class SmallFilesRuleTest {

    private static final long MIB = 1L << 20;
    private final SmallFilesRule rule = new SmallFilesRule();

    private static TestApps thousandSmallSplits() {
        return TestApps.app().executors(2, 4)
                .stage(0, s -> s.job(0).metric(TaskMetric.INPUT_BYTES, 1000 * MIB)
                        .uniformTasks(TaskQuantity.DURATION, 1000, 300)
                        .uniformTasks(TaskQuantity.EXECUTOR_RUN_TIME, 1000, 250)
                        .uniformTasks(TaskQuantity.INPUT_BYTES, 1000, MIB))
                .job(0, JobStatus.SUCCEEDED, List.of(0), OptionalLong.of(1));
    }

    @Test
    void evaluate_thousandOneMegabyteFiles_firesWithSplitSizeFromSparksPackingRule() {
        Application app = PartitioningFixtures.withFileScan(thousandSmallSplits().build(), List.of(0), 1000, 1000 * MIB);

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("partitioning.small-files");
            assertThat(f.scope().describe()).isEqualTo("stage 0.0");
            assertThat(f.evidence()).containsEntry("numberOfFilesRead", 1000L).containsEntry("averageFileBytes", MIB)
                    .containsEntry("recommendedPartitions", 16L);
            assertThat(f.missingEvidence()).isEmpty();
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            // 1000 MiB / 16 tasks = 62.5 MiB of data per split; each 1 MiB file counts 1 + 4 MiB open cost: x5 = 312.5 MiB
            assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.sql.files.maxPartitionBytes", "313m"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_noFileMetricsInLog_firesNamingTheMissingMetrics() {
        Finding f = rule.evaluate(new AnalysisContext(thousandSmallSplits().build(), Thresholds.defaults())).get(0);

        assertThat(f.missingEvidence()).containsExactly("number of files read", "size of files read");
        // 128 MiB x 62.5 MiB wanted / 1 MiB read today, capped at 1 GiB
        assertThat(f.recommendation().config()).containsExactly(Map.entry("spark.sql.files.maxPartitionBytes", "1g"));
    }

    @Test
    void evaluate_fullSplits_doesNotFire() {
        Application app = TestApps.app().executors(2, 4)
                .stage(0, s -> s.metric(TaskMetric.INPUT_BYTES, 1000 * 128 * MIB)
                        .uniformTasks(TaskQuantity.DURATION, 1000, 3_000)
                        .uniformTasks(TaskQuantity.INPUT_BYTES, 1000, 128 * MIB))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
