package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static io.sparkwise.analysis.rules.sql.SqlFixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

class SortMergeJoinSmallSideRuleTest {

    private static final long MIB = 1024L * 1024;
    private final SortMergeJoinSmallSideRule rule = new SortMergeJoinSmallSideRule();

    private static SparkPlanNode side(SqlFixtures f, String key, long dataSize, long writeSeconds, long sortMs) {
        SparkPlanNode exchange = f.node("Exchange", "Exchange hashpartitioning(" + key + "#1, 200)", Map.of(),
                metrics("data size", dataSize, "shuffle write time", writeSeconds * 1_000_000_000L));
        return f.node("Sort", "Sort [" + key + "#1 ASC NULLS FIRST]", Map.of(), metrics("sort time", sortMs),
                f.node("InputAdapter", "InputAdapter", exchange));
    }

    private static Application app(String joinType, long leftBytes, long rightBytes, String... props) {
        SqlFixtures f = new SqlFixtures();
        SparkPlanNode join = f.node("SortMergeJoin", "SortMergeJoin [k#1], [k#2], " + joinType,
                side(f, "k", leftBytes, 100, 500_000), side(f, "k", rightBytes, 2, 0));
        TestApps t = TestApps.app().executors(4, 4)
                .job(0, JobStatus.SUCCEEDED, List.of(0), OptionalLong.of(0))
                .stage(0, s -> s.job(0).metric(TaskMetric.EXECUTOR_RUN_TIME, 4_000_000));
        for (int i = 0; i < props.length; i += 2) {
            t.property(props[i], props[i + 1]);
        }
        Application base = t.build();
        return SqlFixtures.with(base, f.execution(0, f.node("WholeStageCodegen (3)", "WholeStageCodegen (3)", join), "", 0));
    }

    private List<Finding> evaluate(Application app) {
        return rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));
    }

    @Test
    void evaluate_twentyMibRightSide_firesWithThresholdCoveringIt() {
        Application app = app("Inner", 10L << 30, 20 * MIB);

        List<Finding> findings = evaluate(app);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.sort-merge-join-small-side");
            assertThat(f.scope().describe()).isEqualTo("SQL 0");
            assertThat(f.evidence())
                    .containsEntry("smallSide", "right")
                    .containsEntry("smallSideDataSizeBytes", 20 * MIB)
                    .containsEntry("largeSideDataSizeBytes", 10L << 30)
                    .containsEntry("spark.sql.autoBroadcastJoinThreshold", 10 * MIB)
                    // shuffle write 100 s + 2 s, sort 500 s
                    .containsEntry("shuffleAndSortTimeMs", 602_000L);
            // 602 core-s of 9,600 = 6.3%: warning
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            // 20 MiB x 1.5 headroom
            assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("spark.sql.autoBroadcastJoinThreshold", "30m"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(), f.recommendation().config())
                    .valid()).isTrue();
        });
    }

    @Test
    void evaluate_bothSidesLarge_doesNotFire() {
        assertThat(evaluate(app("Inner", 10L << 30, 2L << 30))).isEmpty();
    }

    @Test
    void evaluate_smallSideIsThePreservedSideOfAnOuterJoin_doesNotFire() {
        // A left outer join keeps every left row: only the right side can be broadcast.
        assertThat(evaluate(app("LeftOuter", 20 * MIB, 10L << 30))).isEmpty();
    }

    @Test
    void evaluate_smallSideTooLargeForDefaultExecutorMemory_doesNotFire() {
        // 1g executors: (1024 - 300) MiB x 0.6 x 0.2 = 86.9 MiB at most.
        assertThat(evaluate(app("Inner", 10L << 30, 95 * MIB))).isEmpty();
    }

    @Test
    void evaluate_sameSideWithLargeExecutorsAndDriver_fires() {
        assertThat(evaluate(app("Inner", 10L << 30, 95 * MIB, "spark.executor.memory", "8g", "spark.driver.memory", "4g")))
                .singleElement().satisfies(f -> assertThat(f.recommendation().config())
                        .containsEntry("spark.sql.autoBroadcastJoinThreshold", "143m"));
    }

    @Test
    void evaluate_thresholdAlreadyCoversTheSide_recommendsHintNotConfig() {
        Finding f = evaluate(app("Inner", 10L << 30, 20 * MIB, "spark.sql.autoBroadcastJoinThreshold", "100m")).get(0);

        assertThat(f.recommendation().config()).isEmpty();
        assertThat(f.recommendation().text()).contains("BROADCAST", "adaptive query execution");
    }
}
