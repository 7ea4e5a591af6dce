package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.SqlExecutionRule;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A query whose final plan has more than maxExchanges shuffle exchanges (Spark's Exchange,
 * Photon's ShuffleExchangeSink, RAPIDS' GpuColumnarExchange, Gluten's ColumnarExchange; reused
 * exchanges do not count): each one writes, sends and reads all its rows.
 *
 * <p>Wasted core-seconds, measured: the exchanges' "shuffle write time" + "fetch wait time", in
 * the share of exchanges above the threshold.
 */
public final class ManyExchangesRule extends BaseRule implements SqlExecutionRule {

    public static final String ID = "sql.many-exchanges";

    public ManyExchangesRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "A query shuffles its data many times");
    }

    @Override
    public List<Finding> evaluate(SqlExecution sql, AnalysisContext context) {
        long max = context.settings(ID).getLong("maxExchanges");
        List<SparkPlanNode> exchanges = SqlPlans.distinct(SqlPlans.nodes(sql, NativeOperators.Kind.SHUFFLE_EXCHANGE));
        if (exchanges.size() <= max) {
            return List.of();
        }
        return List.of(finding(context, sql, exchanges, max));
    }

    private static Finding finding(AnalysisContext context, SqlExecution sql, List<SparkPlanNode> exchanges, long max) {
        double shuffleSeconds = 0;
        long bytes = 0;
        List<String> missing = new ArrayList<>();
        Set<String> partitionings = new LinkedHashSet<>();
        for (SparkPlanNode e : exchanges) {
            OptionalLong writeMs = SqlPlans.timeMs(sql, e, "shuffle write time");
            if (writeMs.isEmpty() && !missing.contains("shuffle write time")) {
                missing.add("shuffle write time");
            }
            shuffleSeconds += (writeMs.orElse(0) + SqlPlans.timeMs(sql, e, "fetch wait time").orElse(0)) / 1000.0;
            bytes += SqlPlans.metric(sql, e, "shuffle bytes written").orElse(0);
            partitionings.add(SqlPlans.shorten(SqlPlans.withoutExprIds(e.simpleString()), 120));
        }
        double wasted = shuffleSeconds * (exchanges.size() - max) / exchanges.size();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("exchanges", exchanges.size());
        evidence.put("maxExchanges", max);
        evidence.put("shuffleBytesWritten", bytes);
        evidence.put("shuffleWriteAndFetchWaitMs", Math.round(shuffleSeconds * 1000));
        evidence.put("partitionings", partitionings.stream().limit(5).toList());
        String title = "SQL " + sql.id() + " shuffles its data " + exchanges.size() + " times (" + Format.bytes(bytes)
                + " written)";
        return new Finding(ID, context.severityFor(wasted), title, Scope.sql(sql.id()), evidence, context.impact(wasted),
                Recommendation.text("Each exchange writes and re-reads all its rows. Join and aggregate on the same keys "
                        + "in sequence so one partitioning serves several operators, drop repartition() calls the next "
                        + "operator undoes, broadcast small dimension tables, bucket tables that are joined repeatedly on "
                        + "the same key, and compute shared subqueries once (a CTE or a cached DataFrame) so Spark "
                        + "reuses the exchange."), missing, Optional.empty());
    }
}
