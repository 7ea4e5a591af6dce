package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.sparkwise.analysis.rules.sql.SqlFixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

class LargeBroadcastRuleTest {

    private final LargeBroadcastRule rule = new LargeBroadcastRule();

    private static Application app(long dataSize, long buildMs, long broadcastMs, String... props) {
        SqlFixtures f = new SqlFixtures();
        SparkPlanNode exchange = f.node("BroadcastExchange", "BroadcastExchange HashedRelationBroadcastMode", Map.of(),
                metrics("data size", dataSize, "time to build", buildMs, "time to broadcast", broadcastMs,
                        "number of output rows", 40_000_000L));
        SparkPlanNode join = f.node("BroadcastHashJoin", "BroadcastHashJoin [k#1], [k#2], Inner, BuildRight",
                f.node("Scan parquet db.facts", "FileScan parquet db.facts"), exchange);
        TestApps t = TestApps.app().executors(4, 4).property("spark.executor.memory", "16g");
        for (int i = 0; i < props.length; i += 2) {
            t.property(props[i], props[i + 1]);
        }
        return SqlFixtures.with(t.build(), f.execution(3, join, ""));
    }

    @Test
    void evaluate_twoGibBroadcast_firesAndLowersTheRaisedThreshold() {
        Application app = app(2L << 30, 30_000, 40_000, "spark.sql.autoBroadcastJoinThreshold", "4g");

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.large-broadcast");
            assertThat(f.scope().describe()).isEqualTo("SQL 3");
            assertThat(f.evidence())
                    .containsEntry("dataSizeBytes", 2L << 30)
                    .containsEntry("timeToBuildAndBroadcastMs", 70_000L)
                    .containsEntry("rows", 40_000_000L);
            // 70 s x 16 cores = 1,120 core-s of 9,600 = 11.7%: warning
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(1_120.0);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("spark.sql.autoBroadcastJoinThreshold", "10m"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(), f.recommendation().config())
                    .valid()).isTrue();
        });
    }

    @Test
    void evaluate_largeBroadcastUnderDefaultThreshold_pointsAtTheHint() {
        Finding f = rule.evaluate(new AnalysisContext(app(2L << 30, 1_000, 1_000), Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).isEmpty();
        assertThat(f.recommendation().text()).contains("remove the broadcast hint");
    }

    @Test
    void evaluate_slowButSmallBroadcast_fires() {
        assertThat(rule.evaluate(new AnalysisContext(app(50L << 20, 20_000, 45_000), Thresholds.defaults())))
                .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("timeToBuildAndBroadcastMs", 65_000L));
    }

    @Test
    void evaluate_smallQuickBroadcast_doesNotFire() {
        assertThat(rule.evaluate(new AnalysisContext(app(5L << 20, 100, 200), Thresholds.defaults()))).isEmpty();
    }
}
