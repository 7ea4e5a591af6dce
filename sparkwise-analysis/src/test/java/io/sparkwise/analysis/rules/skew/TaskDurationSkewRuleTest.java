package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskDurationSkewRuleTest {

    private final TaskDurationSkewRule rule = new TaskDurationSkewRule();

    private static long[] durations(int n, long typical, long straggler) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, typical);
        v[n - 1] = straggler;
        return v;
    }

    @Test
    void evaluate_oneStragglerTenTimesTheMedian_firesWithAqeSkewFix() {
        // The largest partition is 3x the median: not data skew by AQE's factor 5, so this rule reports it.
        Application app = TestApps.app().executors(4, 4)
                .stage(3, s -> s.window(0, 600_000)
                        .tasks(TaskQuantity.DURATION, durations(40, 20_000, 580_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, durations(40, 100L << 20, 300L << 20)))
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("skew.task-duration");
            assertThat(f.scope().describe()).isEqualTo("stage 3.0");
            // The median comes from the 1%-accurate sketch: 20 s within 1%.
            assertThat(f.evidence()).containsEntry("maxTaskDurationMs", 580_000L);
            assertThat((double) f.evidence().get("maxToMedianRatio")).isBetween(28.7, 29.0);
            // (580 s - 20 s) x (min(16 cores, 40 tasks) - 1) = 8400 core-seconds, within the sketch's 1%
            assertThat(f.impact().wastedCoreSeconds()).isBetween(8390.0, 8400.0);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            // 3x the median in bytes, on Spark 3.5: the factor would be floor(3 / 2) = 1, under the
            // integer minimum 2, so AQE cannot single the partition out: no AQE settings, the text says why.
            assertThat(f.recommendation().config()).isEmpty();
            assertThat(f.recommendation().text()).contains("AQE, which splits partitions by bytes, cannot see it");
        });
    }

    @Test
    void evaluate_smallHotPartitionOnSpark4_sizesAqeSettingsFromTheMeasuredPartitions() {
        // The demo's shape: partitions of a few hundred KiB, the hot one 2176 KiB (8.5x the median).
        Application app = TestApps.app().sparkVersion("4.0.1").executors(1, 2)
                .stage(3, s -> s.window(0, 90_000)
                        .tasks(TaskQuantity.DURATION, durations(16, 300, 80_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, durations(16, 256L << 10, 2176L << 10)))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        // factor min(5, 8.5 / 2) = 4.25, floored to a tenth: 4.2; threshold halfway between median
        // and max, 256 KiB + (2176 - 256) KiB / 2 = 1216 KiB, floored to 1m; the hot partition is
        // under the 64 MiB advisory size, so the advisory size cuts it in one piece per core (2
        // slots): 1088 KiB, floored to 1m. The sketch's 1% on the median moves none of these.
        assertThat(f.recommendation().config()).containsExactly(
                java.util.Map.entry("spark.sql.adaptive.skewJoin.enabled", "true"),
                java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionFactor", "4.2"),
                java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "1m"),
                java.util.Map.entry("spark.sql.adaptive.advisoryPartitionSizeInBytes", "1m"));
    }

    @Test
    void evaluate_largeHotPartitionOnSpark3_integerFactorAndNoAdvisorySize() {
        Application app = TestApps.app().executors(4, 4)
                .stage(3, s -> s.window(0, 600_000)
                        .tasks(TaskQuantity.DURATION, durations(40, 20_000, 580_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, durations(40, 20L << 20, 180L << 20)))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        // ratio 9: factor floor(min(5, 4.5)) = 4; threshold 20 MiB + 160 MiB / 2 = 100 MiB; 180 MiB is
        // above the 64 MiB advisory size, which is left alone. AQE is on by default in 3.5.
        assertThat(f.recommendation().config()).containsExactly(
                java.util.Map.entry("spark.sql.adaptive.skewJoin.enabled", "true"),
                java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionFactor", "4"),
                java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "100m"));
    }

    @Test
    void evaluate_joinWithALargeEvenSide_sizesAqeSettingsFromTheSkewedSide() {
        // The skewed-join demo's shape: orders (hot customer) joined to an address table spread evenly.
        // Each join task reads its partition of both sides: 1408 KiB of addresses everywhere, 288 KiB of
        // orders, 3072 KiB in the hot partition. Under AQE the join's parents are skipped stage ids (6,
        // 7); their shuffles ran as jobs of their own, in stages 4 and 5 with the same RDDs.
        long[] orders = durations(16, 288L << 10, 3072L << 10);
        long[] reads = new long[16];
        for (int i = 0; i < 16; i++) {
            reads[i] = orders[i] + (1408L << 10);
        }
        Application app = TestApps.app().sparkVersion("4.0.1").executors(1, 2)
                .stage(4, s -> s.rdds(14, 15, 16, 19).uniformTasks(TaskQuantity.DURATION, 4, 1_000)
                        .metric(TaskMetric.SHUFFLE_WRITE_BYTES, 16 * (1408L << 10)))
                .stage(5, s -> s.rdds(12, 13, 17, 18).uniformTasks(TaskQuantity.DURATION, 4, 1_000)
                        .metric(TaskMetric.SHUFFLE_WRITE_BYTES, java.util.Arrays.stream(orders).sum()))
                .stage(6, s -> s.status(StageStatus.SKIPPED).rdds(18, 17, 13, 12).numTasks(4))
                .stage(7, s -> s.status(StageStatus.SKIPPED).rdds(14, 15, 16, 19).numTasks(4))
                .stage(8, s -> s.parents(6, 7).window(0, 60_000)
                        .tasks(TaskQuantity.DURATION, durations(16, 600, 40_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, reads))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        // The summed reads (4480 KiB against a 1696 KiB median, 2.6x) would give factor 1.3 and a
        // threshold of 3m, which the 3072 KiB hot orders partition does not exceed: AQE would not split.
        // Orders as the skewed side (the even side's 22 MiB / 16 = 1408 KiB per partition subtracted):
        // 3072 KiB against 288 KiB, 10.7x: factor min(5, 10.7 / 2) = 5; threshold 288 + (3072 - 288) / 2
        // = 1680 KiB, floored to 1m (the addresses' 1408 KiB partitions pass it but are not 5x their
        // median, so AQE leaves them whole); advisory 3072 / 2 cores = 1536 KiB, floored to 1m. The
        // other choice, addresses as the skewed side, is only 3.3x. The sketch's 1% moves none of these.
        assertThat(f.evidence()).containsEntry("skewedSideMaxPartitionBytes", 3072L << 10);
        assertThat(f.recommendation().config()).containsExactly(
                java.util.Map.entry("spark.sql.adaptive.skewJoin.enabled", "true"),
                java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionFactor", "5"),
                java.util.Map.entry("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "1m"),
                java.util.Map.entry("spark.sql.adaptive.advisoryPartitionSizeInBytes", "1m"));
    }

    @Test
    void evaluate_stragglerExplainedByShuffleReadSkew_defersToSkewShuffleRead() {
        Application app = TestApps.app().executors(4, 4)
                .stage(3, s -> s.window(0, 600_000)
                        .tasks(TaskQuantity.DURATION, durations(40, 20_000, 580_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, durations(40, 100L << 20, 4L << 30)))
                .build();
        AnalysisContext context = new AnalysisContext(app, Thresholds.defaults());

        assertThat(rule.evaluate(context)).isEmpty();
        assertThat(new ShuffleReadSkewRule().evaluate(context)).extracting(Finding::ruleId).containsExactly("skew.shuffle-read");
    }

    @Test
    void evaluate_uniformTasks_doesNotFire() {
        Application app = TestApps.app().executors(4, 4)
                .stage(1, s -> s.uniformTasks(TaskQuantity.DURATION, 40, 20_000))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_highRatioButOnlySecondsLost_doesNotFire() {
        // 10x the median, but the straggler costs 9 s: not worth a finding.
        Application app = TestApps.app().executors(4, 4)
                .stage(1, s -> s.tasks(TaskQuantity.DURATION, durations(40, 1_000, 10_000)))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_inputStageSkew_recommendsSmallerInputSplits() {
        Application app = TestApps.app().executors(2, 4)
                .stage(0, s -> s.tasks(TaskQuantity.DURATION, durations(20, 5_000, 300_000)))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsOnlyKeys("spark.sql.files.maxPartitionBytes");
    }
}
