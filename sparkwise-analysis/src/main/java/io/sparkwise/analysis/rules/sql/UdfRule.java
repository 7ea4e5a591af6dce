package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.SqlExecutionRule;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query that runs user-defined functions: Python UDFs (BatchEvalPython: rows pickled one by
 * one to a Python worker; ArrowEvalPython and the *InPandas operators: Arrow batches) or Scala/Java
 * UDFs in a Filter, which Spark cannot push to the scan nor optimize: unnamed ({@code UDF(...)}) or
 * registered by name (a call that is not a Spark built-in, see {@link UdfCalls}).
 *
 * <p>Wasted core-seconds: the query's executor run time x savingsFraction (the log does not time
 * the UDF apart from the rest of its stage).
 */
public final class UdfRule extends BaseRule implements SqlExecutionRule {

    public static final String ID = "sql.udf";
    static final String ARROW_UDF_KEY = "spark.sql.execution.pythonUDF.arrow.enabled";

    public UdfRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "A query runs Python UDFs, or Scala/Java UDFs inside a filter");
    }

    @Override
    public List<Finding> evaluate(SqlExecution sql, AnalysisContext context) {
        double fraction = context.settings(ID).get("savingsFraction");
        List<SparkPlanNode> python = SqlPlans.nodes(sql, NativeOperators.Kind.PYTHON_UDF);
        List<SparkPlanNode> jvmInFilters = SqlPlans.nodes(sql, n -> NativeOperators.kindOf(n.nodeName())
                == NativeOperators.Kind.FILTER && UdfCalls.first(n.simpleString()).isPresent());
        if (python.isEmpty() && jvmInFilters.isEmpty()) {
            return List.of();
        }
        return List.of(finding(context, sql, python, jvmInFilters, fraction));
    }

    private static Finding finding(AnalysisContext context, SqlExecution sql, List<SparkPlanNode> python,
                                   List<SparkPlanNode> jvmInFilters, double fraction) {
        Application app = context.application();
        Map<String, Object> evidence = new LinkedHashMap<>();
        boolean rowAtATime = python.stream().anyMatch(n -> NativeOperators.canonicalName(n.nodeName()).startsWith("BatchEvalPython"));
        if (!python.isEmpty()) {
            evidence.put("pythonUdfOperators", python.stream().map(n -> n.nodeName().trim()).distinct().toList());
            evidence.put("pythonUdfs", SqlPlans.shorten(SqlPlans.withoutExprIds(python.get(0).simpleString()), 200));
        }
        if (!jvmInFilters.isEmpty()) {
            String filter = jvmInFilters.get(0).simpleString();
            evidence.put("udfFilter", SqlPlans.shorten(SqlPlans.withoutExprIds(filter), 200));
            UdfCalls.first(filter).filter(name -> !name.equals("UDF")).ifPresent(name -> evidence.put("udfName", name));
        }
        double queryCoreSeconds = SqlPlans.coreSeconds(app, sql);
        evidence.put("queryExecutorRunTimeMs", Math.round(queryCoreSeconds * 1000));
        double wasted = queryCoreSeconds * fraction;
        String kind = rowAtATime ? "row-at-a-time Python UDFs (BatchEvalPython)"
                : !python.isEmpty() ? "Python UDFs over Arrow" : "a Scala/Java UDF in a filter";
        String title = "SQL " + sql.id() + " runs " + kind;
        return new Finding(ID, context.severityFor(wasted), title, Scope.sql(sql.id()), evidence,
                context.impact(wasted), fix(app, rowAtATime, !python.isEmpty()), List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, boolean rowAtATime, boolean python) {
        String common = "Replace the UDF with built-in functions (pyspark.sql.functions / SQL expressions) where one "
                + "exists: they run in the JVM with code generation and let filters reach the scan. Filter rows before "
                + "the UDF so it sees fewer of them.";
        if (!python) {
            return Recommendation.text(common + " A UDF inside a filter cannot be pushed to Parquet/ORC: keep a plain "
                    + "predicate on the raw column next to it.");
        }
        if (!rowAtATime) {
            return Recommendation.text(common + " These UDFs already exchange Arrow batches; check that the Python "
                    + "code is vectorized (pandas/NumPy operations on whole Series, not a Python loop per row).");
        }
        boolean arrowUdfsExist = SqlPlans.sparkVersion(app).map(v -> SqlPlans.atLeast(v, 3, 5)).orElse(false);
        if (arrowUdfsExist) {
            return new Recommendation(common + " Otherwise let Spark exchange rows with Python in Arrow batches "
                    + "(Arrow-optimized Python UDFs, Spark 3.5+), or rewrite the UDF as a pandas_udf.",
                    Map.of(ARROW_UDF_KEY, "true"));
        }
        return Recommendation.text(common + " Otherwise rewrite it as a vectorized pandas_udf (Arrow batches instead of "
                + "one pickled row at a time; needs PyArrow on the executors).");
    }
}
