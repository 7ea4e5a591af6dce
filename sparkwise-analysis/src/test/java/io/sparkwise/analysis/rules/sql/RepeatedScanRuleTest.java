package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static io.sparkwise.analysis.rules.sql.SqlFixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

class RepeatedScanRuleTest {

    private static final long GIB = 1L << 30;
    private final RepeatedScanRule rule = new RepeatedScanRule();

    /** Every scan gets its own expression id, as in real plans: the rule must match scans without it. */
    private static int nextExpressionId = 100;

    private static SparkPlanNode scan(SqlFixtures f, String partitionFilters) {
        return f.node("Scan parquet db.customers", "FileScan parquet db.customers[id#" + nextExpressionId++ + "]",
                Map.of("Location", "InMemoryFileIndex[s3://bucket/customers]", "Format", "Parquet",
                        "PartitionFilters", partitionFilters), metrics("size of files read", GIB));
    }

    /** {@code queries} executions, each scanning the table once, each with its own job and stage of 600 core-s. */
    private static Application acrossQueries(String... partitionFilters) {
        SqlFixtures f = new SqlFixtures();
        TestApps t = TestApps.app().executors(4, 4);
        List<SqlExecution> executions = new ArrayList<>();
        for (int i = 0; i < partitionFilters.length; i++) {
            int id = i;
            t.job(id, JobStatus.SUCCEEDED, List.of(id), OptionalLong.of(id))
                    .stage(id, s -> s.job(id).metric(TaskMetric.INPUT_BYTES, GIB).metric(TaskMetric.EXECUTOR_RUN_TIME, 600_000));
            executions.add(f.execution(id, f.node("Project", "Project [id]", scan(f, partitionFilters[i])), "", id));
        }
        return SqlFixtures.with(t.build(), executions.toArray(SqlExecution[]::new));
    }

    @Test
    void evaluate_sameTableReadByThreeQueries_firesForTheApplication() {
        List<Finding> findings = rule.evaluate(new AnalysisContext(acrossQueries("[]", "[]", "[]"), Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.repeated-scan");
            assertThat(f.scope()).isEqualTo(Scope.APPLICATION);
            assertThat(f.evidence())
                    .containsEntry("location", "InMemoryFileIndex[s3://bucket/customers]")
                    .containsEntry("reads", 3)
                    .containsEntry("sqlExecutionIds", List.of(0L, 1L, 2L))
                    .containsEntry("sizeOfFilesReadBytes", 3 * GIB);
            // the second and third reads: 2 x 600 core-s
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(1_200.0);
            assertThat(f.recommendation().text()).contains("persist");
        });
    }

    @Test
    void evaluate_readTwice_doesNotFire() {
        assertThat(rule.evaluate(new AnalysisContext(acrossQueries("[]", "[]"), Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_differentPartitionsEachTime_doesNotFire() {
        Application app = acrossQueries("[(dt#1 = 1)]", "[(dt#7 = 2)]", "[(dt#9 = 3)]");

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_threeReadsInOneQueryWithReuseOff_firesForTheQueryAndTurnsReuseOn() {
        SqlFixtures f = new SqlFixtures();
        SparkPlanNode union = f.node("Union", "Union", scan(f, "[]"), scan(f, "[]"), scan(f, "[]"));
        Application base = TestApps.app().executors(4, 4).property("spark.sql.exchange.reuse", "false").build();
        Application app = SqlFixtures.with(base, f.execution(5, union, ""));

        Finding finding = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(finding.scope().describe()).isEqualTo("SQL 5");
        assertThat(finding.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.sql.exchange.reuse", "true"));
    }
}
