package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
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

class CartesianProductRuleTest {

    private final CartesianProductRule rule = new CartesianProductRule();

    /** 4 executors x 4 cores x 600 s = 9,600 core-s; the query's stage ran 4,000 core-s. */
    private static Application app(SqlFixtures f, String joinName) {
        SparkPlanNode join = f.node(joinName, joinName + " BuildRight, Inner, (a#1 < b#2)", Map.of(),
                metrics("number of output rows", 50_000_000_000L),
                f.node("Scan parquet db.a", "FileScan parquet db.a", Map.of(), metrics("number of output rows", 100_000L)),
                f.node("BroadcastExchange", "BroadcastExchange IdentityBroadcastMode", Map.of(),
                        metrics("number of output rows", 500_000L)));
        String text = "(3) " + joinName + " [codegen id : 2]\nJoin type: Inner\nJoin condition: (a#1 < b#2)\n\n";
        Application base = TestApps.app().executors(4, 4)
                .job(0, JobStatus.SUCCEEDED, List.of(0), OptionalLong.of(0))
                .stage(0, s -> s.job(0).metric(TaskMetric.EXECUTOR_RUN_TIME, 4_000_000))
                .build();
        return SqlFixtures.with(base, f.execution(0, f.node("Project", "Project [a]", join), text, 0));
    }

    @Test
    void evaluate_broadcastNestedLoopJoin_firesWithConditionRowsAndCost() {
        List<Finding> findings = rule.evaluate(new AnalysisContext(app(new SqlFixtures(), "BroadcastNestedLoopJoin"),
                Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.cartesian-product");
            assertThat(f.scope().describe()).isEqualTo("SQL 0");
            assertThat(f.evidence())
                    .containsEntry("operator", "BroadcastNestedLoopJoin")
                    .containsEntry("joinCondition", "(a < b)")
                    .containsEntry("joinType", "Inner")
                    .containsEntry("leftRows", 100_000L)
                    .containsEntry("rightRows", 500_000L)
                    .containsEntry("outputRows", 50_000_000_000L);
            // 4,000 core-s x savingsFraction 0.5 = 2,000 core-s, 20.8% of 9,600: warning
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(2_000.0);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.recommendation().config()).isEmpty();
            assertThat(f.recommendation().text()).contains("equality condition", "(a < b)");
        });
    }

    @Test
    void evaluate_photonNestedLoopJoin_firesNamingTheEngine() {
        Finding f = rule.evaluate(new AnalysisContext(app(new SqlFixtures(), "PhotonBroadcastNestedLoopJoin"),
                Thresholds.defaults())).get(0);

        assertThat(f.evidence()).containsEntry("engine", "Photon").containsEntry("joinCondition", "(a < b)");
    }

    @Test
    void evaluate_hashJoin_doesNotFire() {
        assertThat(rule.evaluate(new AnalysisContext(app(new SqlFixtures(), "BroadcastHashJoin"), Thresholds.defaults())))
                .isEmpty();
    }
}
