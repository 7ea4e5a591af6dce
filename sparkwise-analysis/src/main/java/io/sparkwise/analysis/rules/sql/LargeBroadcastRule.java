package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.SqlExecutionRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
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
 * A BroadcastExchange that is large ("data size" over maxBroadcastBytes or over a share of an
 * executor's unified memory) or slow ("time to build" + "time to broadcast" over maxBroadcastTimeMs).
 * The driver collects and builds the table, then every executor holds a copy: a large broadcast
 * costs driver memory, network and executor memory (executor OOM in the joining stage is a
 * typical symptom, see memory.executor-oom).
 *
 * <p>Wasted core-seconds: (time to build + time to broadcast) x the executor cores, which wait
 * for the table before the joining stage can start (an upper bound when other jobs run meanwhile).
 */
public final class LargeBroadcastRule extends BaseRule implements SqlExecutionRule {

    public static final String ID = "sql.large-broadcast";

    public LargeBroadcastRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "A broadcast join's table is large or slow to broadcast");
    }

    @Override
    public List<Finding> evaluate(SqlExecution sql, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        long unified = unifiedMemory(context.application().environment().sparkProperties());
        List<Finding> findings = new ArrayList<>();
        for (SparkPlanNode exchange : SqlPlans.distinct(SqlPlans.nodes(sql, NativeOperators.Kind.BROADCAST_EXCHANGE))) {
            OptionalLong size = SqlPlans.metric(sql, exchange, "data size");
            long timeMs = SqlPlans.timeMs(sql, exchange, "time to build", "build time").orElse(0)
                    + SqlPlans.timeMs(sql, exchange, "time to broadcast").orElse(0);
            boolean large = size.isPresent() && (size.getAsLong() >= settings.getLong("maxBroadcastBytes")
                    || size.getAsLong() >= unified * settings.get("maxShareOfExecutorMemory"));
            boolean slow = timeMs >= settings.getLong("maxBroadcastTimeMs");
            if (large || slow) {
                findings.add(finding(context, sql, exchange, size, timeMs, unified)
                        .withSubject(SqlPlans.nodeKey(sql, exchange)));
            }
        }
        return findings;
    }

    static long unifiedMemory(Map<String, String> props) {
        long heap = SparkSizes.parseBytes(props.get("spark.executor.memory"), 1024L * 1024)
                .orElse(SparkDefaults.EXECUTOR_MEMORY);
        double fraction = SparkDefaults.MEMORY_FRACTION;
        try {
            fraction = Double.parseDouble(props.getOrDefault("spark.memory.fraction", String.valueOf(fraction)));
        } catch (NumberFormatException ignored) {
            // keep Spark's default; ConfigValidator reports the bad value
        }
        return (long) (Math.max(0, heap - SparkDefaults.RESERVED_SYSTEM_MEMORY) * fraction);
    }

    private static Finding finding(AnalysisContext context, SqlExecution sql, SparkPlanNode exchange,
                                   OptionalLong size, long timeMs, long unified) {
        Application app = context.application();
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        evidence.put("operator", exchange.nodeName().trim());
        NativeOperators.engineOf(exchange.nodeName()).ifPresent(e -> evidence.put("engine", e));
        if (size.isPresent()) {
            evidence.put("dataSizeBytes", size.getAsLong());
        } else {
            missing.add("data size");
        }
        SqlPlans.metric(sql, exchange, "number of output rows").ifPresent(r -> evidence.put("rows", r));
        SqlPlans.timeMs(sql, exchange, "time to collect").ifPresent(t -> evidence.put("timeToCollectMs", t));
        evidence.put("timeToBuildAndBroadcastMs", timeMs);
        evidence.put("executorUnifiedMemoryBytes", unified);
        long threshold = SortMergeJoinSmallSideRule.currentThreshold(app);
        evidence.put(SortMergeJoinSmallSideRule.THRESHOLD_KEY, threshold);
        double wasted = timeMs / 1000.0 * Stages.slots(app);
        String title = "SQL " + sql.id() + " broadcasts " + (size.isPresent() ? Format.bytes(size.getAsLong()) : "a table")
                + " to every executor" + (timeMs > 0 ? " (" + Format.millis(timeMs) + " to build and send)" : "");
        return new Finding(ID, context.severityFor(wasted), title, Scope.sql(sql.id()), evidence,
                context.impact(wasted), fix(threshold, size), missing, Optional.empty());
    }

    private static Recommendation fix(long threshold, OptionalLong size) {
        String text = "Let Spark shuffle this join instead of broadcasting the table: every executor keeps a copy "
                + "in memory and the driver builds it (a memory.executor-oom or driver OOM in the joining stage is "
                + "the typical symptom). ";
        if (threshold > SparkDefaults.AUTO_BROADCAST_THRESHOLD) {
            return new Recommendation(text + "Lower " + SortMergeJoinSmallSideRule.THRESHOLD_KEY + " back to Spark's "
                    + "default 10m, and remove any broadcast hint on this table.",
                    Map.of(SortMergeJoinSmallSideRule.THRESHOLD_KEY, "10m"));
        }
        // The threshold is already at or below Spark's default: the broadcast comes from a hint
        // (or AQE's own threshold), and only the query can change that.
        return Recommendation.text(text + "The threshold (" + SortMergeJoinSmallSideRule.THRESHOLD_KEY
                + ") is not what chose this broadcast" + (size.isPresent() ? " of " + Format.bytes(size.getAsLong()) : "")
                + ": remove the broadcast hint (broadcast(df), /*+ BROADCAST */, MAPJOIN) or filter the table before "
                + "the join; with AQE on, also check spark.sql.adaptive.autoBroadcastJoinThreshold.");
    }
}
