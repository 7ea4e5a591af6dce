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
 * A SortMergeJoin one of whose sides is small enough to broadcast: both sides were shuffled and
 * sorted where a BroadcastHashJoin would have shuffled neither. A side's size is the "data size"
 * metric of the shuffle Exchange below it (the rows' in-memory size, what a broadcast would hold).
 *
 * <p>Broadcastable: at most maxSmallSideBytes, and at most a share of the executors' unified memory
 * and of the driver heap, because the driver builds the table and every executor keeps a copy.
 *
 * <p>Wasted core-seconds, measured: the two sides' "shuffle write time" + "fetch wait time" and
 * the sort time of the Sorts under the join, all task time a broadcast join does not spend.
 */
public final class SortMergeJoinSmallSideRule extends BaseRule implements SqlExecutionRule {

    public static final String ID = "sql.sort-merge-join-small-side";
    static final String THRESHOLD_KEY = "spark.sql.autoBroadcastJoinThreshold";

    public SortMergeJoinSmallSideRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "A sort-merge join whose smaller side is small enough to broadcast");
    }

    @Override
    public List<Finding> evaluate(SqlExecution sql, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        long limit = broadcastLimit(context.application(), settings);
        List<Finding> findings = new ArrayList<>();
        for (SparkPlanNode join : SqlPlans.nodes(sql, NativeOperators.Kind.SORT_MERGE_JOIN)) {
            if (join.children().size() != 2) {
                continue;
            }
            Optional<SparkPlanNode> left = SqlPlans.firstBelow(join.children().get(0), NativeOperators.Kind.SHUFFLE_EXCHANGE);
            Optional<SparkPlanNode> right = SqlPlans.firstBelow(join.children().get(1), NativeOperators.Kind.SHUFFLE_EXCHANGE);
            if (left.isEmpty() || right.isEmpty()) {
                continue;   // a bucketed or pre-partitioned side: nothing was shuffled for this join
            }
            OptionalLong leftBytes = SqlPlans.metric(sql, left.get(), "data size");
            OptionalLong rightBytes = SqlPlans.metric(sql, right.get(), "data size");
            if (leftBytes.isEmpty() || rightBytes.isEmpty()) {
                continue;   // an older log without the "data size" metric: we do not guess the sizes
            }
            boolean leftSmall = leftBytes.getAsLong() <= rightBytes.getAsLong();
            long small = Math.min(leftBytes.getAsLong(), rightBytes.getAsLong());
            long large = Math.max(leftBytes.getAsLong(), rightBytes.getAsLong());
            if (small <= 0 || small > limit || !canBuild(join.simpleString(), leftSmall)) {
                continue;
            }
            findings.add(finding(context, settings, sql, join, List.of(left.get(), right.get()), leftSmall, small, large)
                    .withSubject(SqlPlans.nodeKey(sql, join)));
        }
        return findings;
    }

    /**
     * Whether a broadcast hash join may build on that side: an outer join keeps every row of its
     * preserved side, so only the other side can be broadcast, and a full outer join neither.
     */
    static boolean canBuild(String joinText, boolean leftSide) {
        if (joinText.contains("FullOuter")) {
            return false;
        }
        if (joinText.contains("LeftOuter") || joinText.contains("LeftSemi") || joinText.contains("LeftAnti")
                || joinText.contains("ExistenceJoin")) {
            return !leftSide;
        }
        if (joinText.contains("RightOuter")) {
            return leftSide;
        }
        return true;
    }

    /** The largest side we would broadcast in this application's memory. */
    static long broadcastLimit(Application app, RuleSettings settings) {
        Map<String, String> props = app.environment().sparkProperties();
        long heap = size(props, "spark.executor.memory", SparkDefaults.EXECUTOR_MEMORY);
        double fraction = doubleProp(props, "spark.memory.fraction", SparkDefaults.MEMORY_FRACTION);
        long unified = (long) (Math.max(0, heap - SparkDefaults.RESERVED_SYSTEM_MEMORY) * fraction);
        long driver = size(props, "spark.driver.memory", SparkDefaults.EXECUTOR_MEMORY);
        return Math.min(settings.getLong("maxSmallSideBytes"), Math.min(
                (long) (unified * settings.get("maxShareOfExecutorMemory")),
                (long) (driver * settings.get("maxShareOfDriverMemory"))));
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, SqlExecution sql, SparkPlanNode join,
                                   List<SparkPlanNode> exchanges, boolean leftSmall, long small, long large) {
        Application app = context.application();
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        evidence.put("join", SqlPlans.shorten(SqlPlans.withoutExprIds(join.simpleString()), 200));
        NativeOperators.engineOf(join.nodeName()).ifPresent(e -> evidence.put("engine", e));
        evidence.put("smallSide", leftSmall ? "left" : "right");
        evidence.put("smallSideDataSizeBytes", small);
        evidence.put("largeSideDataSizeBytes", large);
        long threshold = currentThreshold(app);
        evidence.put(THRESHOLD_KEY, threshold);
        double wasted = measuredShuffleAndSortSeconds(sql, join, exchanges, missing);
        evidence.put("shuffleAndSortTimeMs", Math.round(wasted * 1000));
        String title = "SQL " + sql.id() + ": sort-merge join with a " + Format.bytes(small)
                + " side that could be broadcast (other side " + Format.bytes(large) + ")";
        return new Finding(ID, context.severityFor(wasted), title, Scope.sql(sql.id()), evidence,
                context.impact(wasted), fix(app, settings, small, threshold), missing, Optional.empty());
    }

    /** Task time the shuffle and sort of both sides took, which a broadcast hash join avoids. */
    private static double measuredShuffleAndSortSeconds(SqlExecution sql, SparkPlanNode join,
                                                        List<SparkPlanNode> exchanges, List<String> missing) {
        double seconds = 0;
        for (SparkPlanNode exchange : exchanges) {
            OptionalLong writeMs = SqlPlans.timeMs(sql, exchange, "shuffle write time");
            if (writeMs.isPresent()) {
                seconds += writeMs.getAsLong() / 1000.0;
            } else if (!missing.contains("shuffle write time")) {
                missing.add("shuffle write time");
            }
            seconds += SqlPlans.timeMs(sql, exchange, "fetch wait time").orElse(0) / 1000.0;
        }
        for (SparkPlanNode side : join.children()) {
            SparkPlanNode sort = SqlPlans.skipWrappers(side);
            if (NativeOperators.canonicalName(sort.nodeName()).equals("Sort")) {
                seconds += SqlPlans.timeMs(sql, sort, "sort time").orElse(0) / 1000.0;
            }
        }
        return seconds;
    }

    static long currentThreshold(Application app) {
        String v = app.environment().sparkProperties().get(THRESHOLD_KEY);
        if (v == null) {
            return SparkDefaults.AUTO_BROADCAST_THRESHOLD;
        }
        if (v.trim().equals("-1")) {
            return -1;
        }
        OptionalLong bytes = SparkSizes.parseBytes(v, 1);
        return bytes.orElse(SparkDefaults.AUTO_BROADCAST_THRESHOLD);
    }

    private static Recommendation fix(Application app, RuleSettings settings, long small, long threshold) {
        long proposed = (long) Math.ceil(small * settings.get("thresholdHeadroom"));
        String hint = "or hint the small side (broadcast(df), /*+ BROADCAST(t) */) so only this join changes.";
        if (threshold >= proposed) {
            // The threshold already covers the side: the planner's size estimate was too high
            // (e.g. before filters), so raising the threshold would not help; a hint or AQE's
            // runtime statistics would.
            return Recommendation.text("The small side is " + Format.bytes(small) + ", under the current "
                    + THRESHOLD_KEY + " of " + Format.bytes(threshold) + ", but the planner estimated it larger "
                    + "(statistics before filters, or no table statistics). Broadcast it explicitly (broadcast(df) or "
                    + "/*+ BROADCAST(t) */), run ANALYZE TABLE ... COMPUTE STATISTICS, or enable adaptive query "
                    + "execution, which re-plans the join with the measured size.");
        }
        return new Recommendation("Raise " + THRESHOLD_KEY + " to " + SparkSizes.format(proposed)
                + " (the small side's " + Format.bytes(small) + " with headroom; it fits the driver and executor "
                + "memory) so Spark broadcasts it instead of shuffling and sorting both sides, "
                + hint + (threshold < 0 ? " The threshold is -1 (broadcast joins disabled) in this application." : ""),
                Map.of(THRESHOLD_KEY, SparkSizes.format(proposed)));
    }

    private static long size(Map<String, String> props, String key, long fallback) {
        return SparkSizes.parseBytes(props.get(key), 1024L * 1024).orElse(fallback);
    }

    private static double doubleProp(Map<String, String> props, String key, double fallback) {
        try {
            return props.containsKey(key) ? Double.parseDouble(props.get(key).trim()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
