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

class ScanNoPushedFiltersRuleTest {

    private static final long GIB = 1L << 30;
    private final ScanNoPushedFiltersRule rule = new ScanNoPushedFiltersRule();

    private static Application app(String scanName, String format, String condition, String pushed) {
        SqlFixtures f = new SqlFixtures();
        SparkPlanNode scan = f.node(scanName, "FileScan " + format.toLowerCase() + " db.sales",
                Map.of("Format", format, "PushedFilters", pushed, "PartitionFilters", "[]",
                        "Location", "InMemoryFileIndex[s3://bucket/sales]"),
                metrics("size of files read", 40 * GIB));
        SparkPlanNode filter = f.node("Filter", "Filter " + condition, f.node("ColumnarToRow", "ColumnarToRow", scan));
        Application base = TestApps.app().executors(4, 4)
                .job(0, JobStatus.SUCCEEDED, List.of(0), OptionalLong.of(0))
                .stage(0, s -> s.job(0).metric(TaskMetric.INPUT_BYTES, 40 * GIB).metric(TaskMetric.EXECUTOR_RUN_TIME, 3_000_000))
                .build();
        return SqlFixtures.with(base, f.execution(0, f.node("WholeStageCodegen (1)", "WholeStageCodegen (1)", filter), "", 0));
    }

    @Test
    void evaluate_castOfColumnBlocksPushdown_firesNamingTheCause() {
        Application app = app("Scan parquet db.sales", "Parquet",
                "(isnotnull(amount#3) AND (cast(amount#3 as string) = 100))", "[IsNotNull(amount)]");

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.scan-no-pushed-filters");
            assertThat(f.scope().describe()).isEqualTo("SQL 0");
            assertThat(f.evidence())
                    .containsEntry("format", "Parquet")
                    .containsEntry("filterCondition", "(isnotnull(amount) AND (cast(amount as string) = 100))")
                    .containsEntry("pushedFilters", "[IsNotNull(amount)]")
                    .containsEntry("likelyCause", "a cast of the column in the predicate");
            // 3,000 core-s x 0.25 = 750 core-s, 7.8%: warning
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(750.0);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void evaluate_photonScan_firesWithEngine() {
        Application app = app("PhotonScan parquet db.sales", "Parquet", "(myUdf(amount#3) > 1)", "[]");

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("engine", "Photon")
                        .containsEntry("likelyCause", "a UDF in the predicate"));
    }

    @Test
    void evaluate_predicatePushed_doesNotFire() {
        Application app = app("Scan parquet db.sales", "Parquet", "(isnotnull(amount#3) AND (amount#3 = 100))",
                "[IsNotNull(amount), EqualTo(amount,100)]");

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_onlyNotNullFilter_doesNotFire() {
        Application app = app("Scan parquet db.sales", "Parquet", "isnotnull(amount#3)", "[IsNotNull(amount)]");

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_rowFormatCsv_doesNotFire() {
        Application app = app("Scan csv db.sales", "CSV", "(cast(amount#3 as int) = 100)", "[]");

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
