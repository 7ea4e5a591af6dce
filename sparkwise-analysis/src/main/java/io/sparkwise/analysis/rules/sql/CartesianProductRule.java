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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A query with a CartesianProduct or a BroadcastNestedLoopJoin: every row of one side is compared
 * with every row of the other, because the join has no equality condition Spark can hash or sort on.
 *
 * <p>Wasted core-seconds: the query's executor run time x savingsFraction (the log cannot separate
 * the join's own time from the rest of its stage).
 */
public final class CartesianProductRule extends BaseRule implements SqlExecutionRule {

    public static final String ID = "sql.cartesian-product";

    public CartesianProductRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "A join compares every row pair (CartesianProduct or BroadcastNestedLoopJoin)");
    }

    @Override
    public List<Finding> evaluate(SqlExecution sql, AnalysisContext context) {
        double fraction = context.settings(ID).get("savingsFraction");
        List<SparkPlanNode> joins = SqlPlans.nodes(sql, n -> {
            NativeOperators.Kind k = NativeOperators.kindOf(n.nodeName());
            return k == NativeOperators.Kind.CARTESIAN_PRODUCT || k == NativeOperators.Kind.NESTED_LOOP_JOIN;
        });
        if (joins.isEmpty()) {
            return List.of();
        }
        return List.of(finding(context, sql, joins.get(0), joins.size(), fraction));
    }

    private static Finding finding(AnalysisContext context, SqlExecution sql, SparkPlanNode join, int count,
                                   double fraction) {
        Application app = context.application();
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        String operator = join.nodeName().trim();
        evidence.put("operator", operator);
        NativeOperators.engineOf(operator).ifPresent(e -> evidence.put("engine", e));
        evidence.put("nestedLoopJoins", count);
        String condition = SqlPlans.planDetail(sql, NativeOperators.canonicalName(operator), "Join condition")
                .orElseGet(() -> SqlPlans.shorten(join.simpleString(), 200));
        evidence.put("joinCondition", SqlPlans.withoutExprIds(condition));
        SqlPlans.planDetail(sql, NativeOperators.canonicalName(operator), "Join type")
                .ifPresent(t -> evidence.put("joinType", t));
        for (int i = 0; i < join.children().size(); i++) {
            OptionalLong rows = rowsOut(sql, join.children().get(i));
            if (rows.isPresent()) {
                evidence.put(i == 0 ? "leftRows" : "rightRows", rows.getAsLong());
            }
        }
        OptionalLong out = SqlPlans.metric(sql, join, "number of output rows");
        if (out.isPresent()) {
            evidence.put("outputRows", out.getAsLong());
        } else {
            missing.add("number of output rows");
        }
        double queryCoreSeconds = SqlPlans.coreSeconds(app, sql);
        evidence.put("queryExecutorRunTimeMs", Math.round(queryCoreSeconds * 1000));
        double wasted = queryCoreSeconds * fraction;
        String title = "SQL " + sql.id() + " joins without an equality condition (" + NativeOperators.canonicalName(operator)
                + "): every row pair is compared" + (out.isPresent() ? ", " + out.getAsLong() + " rows out" : "");
        return new Finding(CartesianProductRule.ID, context.severityFor(wasted), title, Scope.sql(sql.id()), evidence,
                context.impact(wasted), fix(condition), missing, Optional.empty());
    }

    /** Rows produced by the first node below a join side that counts them. */
    private static OptionalLong rowsOut(SqlExecution sql, SparkPlanNode side) {
        OptionalLong rows = SqlPlans.metric(sql, side, "number of output rows");
        if (rows.isPresent()) {
            return rows;
        }
        for (SparkPlanNode child : side.children()) {
            OptionalLong r = rowsOut(sql, child);
            if (r.isPresent()) {
                return r;
            }
        }
        return OptionalLong.empty();
    }

    private static Recommendation fix(String condition) {
        return Recommendation.text("Add an equality condition between the two sides (e.g. a shared key, or a "
                + "bucketed/rounded range key for a range join) so Spark can use a hash or sort-merge join; the "
                + "current condition is: " + SqlPlans.shorten(SqlPlans.withoutExprIds(condition), 160)
                + ". If one side is genuinely small, broadcast it explicitly (broadcast(df) or /*+ BROADCAST(t) */) "
                + "so the nested loop runs against an in-memory copy instead of a shuffled CartesianProduct. "
                + "The fix is in the query, no configuration makes a cross join cheap.");
    }
}
