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

import static org.assertj.core.api.Assertions.assertThat;

class UdfRuleTest {

    private final UdfRule rule = new UdfRule();

    private static Application app(String version, String operator, String simpleString) {
        SqlFixtures f = new SqlFixtures();
        SparkPlanNode udf = f.node(operator, simpleString, f.node("Scan parquet db.t", "FileScan parquet db.t"));
        Application base = TestApps.app().executors(4, 4).sparkVersion(version)
                .job(0, JobStatus.SUCCEEDED, List.of(0), OptionalLong.of(0))
                .stage(0, s -> s.job(0).metric(TaskMetric.EXECUTOR_RUN_TIME, 5_000_000))
                .build();
        return SqlFixtures.with(base, f.execution(0, f.node("Project", "Project [x]", udf), "", 0));
    }

    private List<Finding> evaluate(Application app) {
        return rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));
    }

    @Test
    void evaluate_batchEvalPythonOnSpark35_firesWithArrowUdfs() {
        Application app = app("3.5.1", "BatchEvalPython", "BatchEvalPython [normalize(name#1)#5], [pythonUDF0#9]");

        assertThat(evaluate(app)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.udf");
            assertThat(f.scope().describe()).isEqualTo("SQL 0");
            assertThat(f.evidence())
                    .containsEntry("pythonUdfOperators", List.of("BatchEvalPython"))
                    .containsEntry("pythonUdfs", "BatchEvalPython [normalize(name)], [pythonUDF0]")
                    .containsEntry("queryExecutorRunTimeMs", 5_000_000L);
            // 5,000 core-s x 0.3 = 1,500 core-s, 15.6%: warning
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(1_500.0);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("spark.sql.execution.pythonUDF.arrow.enabled", "true"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(), f.recommendation().config())
                    .valid()).isTrue();
        });
    }

    @Test
    void evaluate_batchEvalPythonBeforeSpark35_recommendsPandasUdfWithoutConfig() {
        Finding f = evaluate(app("3.3.2", "BatchEvalPython", "BatchEvalPython [f(x#1)#2], [pythonUDF0#3]")).get(0);

        assertThat(f.recommendation().config()).isEmpty();
        assertThat(f.recommendation().text()).contains("pandas_udf");
    }

    @Test
    void evaluate_arrowEvalPython_firesWithoutConfig() {
        Finding f = evaluate(app("3.5.1", "ArrowEvalPython", "ArrowEvalPython [f(x#1)#2], [pythonUDF0#3], 200")).get(0);

        assertThat(f.title()).contains("Python UDFs over Arrow");
        assertThat(f.recommendation().config()).isEmpty();
    }

    @Test
    void evaluate_scalaUdfInFilter_fires() {
        Finding f = evaluate(app("3.5.1", "Filter", "Filter UDF(name#1)")).get(0);

        assertThat(f.evidence()).containsEntry("udfFilter", "Filter UDF(name)");
    }

    @Test
    void evaluate_builtInFunctionsOnly_doesNotFire() {
        assertThat(evaluate(app("3.5.1", "Filter", "Filter (upper(name#1) = A)"))).isEmpty();
    }

    @Test
    void evaluate_udfRegisteredByNameInFilter_firesNamingIt() {
        // spark.udf().register("is_q4", ...): the plan shows the name, not UDF(...).
        Finding f = evaluate(app("4.0.1", "Filter",
                "Filter (isnotnull(order_date#3) AND is_q4(order_date#3))")).get(0);

        assertThat(f.evidence()).containsEntry("udfName", "is_q4")
                .containsEntry("udfFilter", "Filter (isnotnull(order_date) AND is_q4(order_date))");
        assertThat(f.title()).isEqualTo("SQL 0 runs a Scala/Java UDF in a filter");
    }

    @Test
    void evaluate_internalExpressionsAndLiteralsWithParentheses_doNotFire() {
        // Spark's own wrappers print like calls; a string literal "x(y)" has no column reference.
        assertThat(evaluate(app("3.5.1", "Filter", "Filter (knownfloatingpointnormalized(normalizenanandzero(v#2)) > 1.0)"
                + " AND StartsWith(name#1, ab) AND (note#4 = see(appendix))"))).isEmpty();
        // RAPIDS' GPU versions of built-ins (spark-rapids-tools corpus logs).
        assertThat(evaluate(app("3.1.1", "GpuFilter", "GpuFilter (length(gpustringtrim(value#1, None)) > 0)"))).isEmpty();
    }
}
