package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.Application;
import io.sparkwise.model.Job;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Questions the SQL rules ask about a query: its plan nodes, their metrics, its stages and cost. */
final class SqlPlans {

    private static final Pattern EXPR_ID = Pattern.compile("#\\d+L?");

    /** Operators that only adapt or wrap their child: rules look through them. */
    private static final Set<String> PASS_THROUGH = Set.of("InputAdapter", "WholeStageCodegen", "ColumnarToRow",
            "CoalesceBatches", "AQEShuffleRead", "CustomShuffleReader", "ShuffleQueryStage", "BroadcastQueryStage",
            "TableCacheQueryStage", "ShuffleExchangeSource", "ColumnarToRowTransition", "RowToColumnar",
            "ShuffleCoalesce", "ResizeBatches", "ResultStage", "ShuffleMapStage");

    private SqlPlans() {
    }

    static List<SparkPlanNode> nodes(SqlExecution sql, Predicate<SparkPlanNode> which) {
        List<SparkPlanNode> out = new ArrayList<>();
        sql.plan().ifPresent(root -> root.forEach(n -> {
            if (which.test(n)) {
                out.add(n);
            }
        }));
        return out;
    }

    static List<SparkPlanNode> nodes(SqlExecution sql, NativeOperators.Kind kind) {
        return nodes(sql, n -> NativeOperators.kindOf(n.nodeName()) == kind);
    }

    /** The summed value of a node's metric over tasks and driver; empty when the log has none. */
    static OptionalLong metric(SqlExecution sql, SparkPlanNode node, String name) {
        for (SparkPlanNode.SqlMetric m : node.metrics()) {
            if (m.name().equals(name)) {
                SqlExecution.SqlMetricValue v = sql.metricValues().get(m.accumulatorId());
                return v == null ? OptionalLong.empty() : OptionalLong.of(v.sum());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A timing metric in milliseconds, whatever unit the engine logged: Spark's "timing" metrics
     * are ms, its "nsTiming" ones (shuffle write time, and most RAPIDS timings) ns.
     */
    static OptionalLong timeMs(SqlExecution sql, SparkPlanNode node, String... names) {
        for (String name : names) {
            for (SparkPlanNode.SqlMetric m : node.metrics()) {
                if (m.name().equals(name)) {
                    SqlExecution.SqlMetricValue v = sql.metricValues().get(m.accumulatorId());
                    if (v == null) {
                        return OptionalLong.empty();
                    }
                    return OptionalLong.of(m.metricType().equals("nsTiming") ? v.sum() / 1_000_000 : v.sum());
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A plan node's identity within its query, for a finding's key: "node:N", N its position in
     * the plan visited parents first (0 the root);
     * the first position when a reused node appears twice.
     */
    static String nodeKey(SqlExecution sql, SparkPlanNode node) {
        int[] position = {0, -1};
        sql.plan().ifPresent(root -> root.forEach(n -> {
            if (n == node && position[1] < 0) {
                position[1] = position[0];
            }
            position[0]++;
        }));
        if (position[1] < 0) {
            throw new IllegalArgumentException("node " + node.nodeName() + " is not in the plan of SQL " + sql.id());
        }
        return "node:" + position[1];
    }

    /** Nodes that appear twice in a tree (a subquery broadcast reused in the main plan) counted once. */
    static List<SparkPlanNode> distinct(List<SparkPlanNode> nodes) {
        List<SparkPlanNode> out = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        for (SparkPlanNode n : nodes) {
            List<Long> ids = n.metrics().stream().map(SparkPlanNode.SqlMetric::accumulatorId).toList();
            if (ids.isEmpty() || seen.add(ids)) {
                out.add(n);
            }
        }
        return out;
    }

    static boolean isPassThrough(SparkPlanNode node) {
        return PASS_THROUGH.contains(NativeOperators.canonicalName(node.nodeName()));
    }

    /** The first node below {@code from} (itself included) that is not a wrapper. */
    static SparkPlanNode skipWrappers(SparkPlanNode from) {
        SparkPlanNode n = from;
        while (isPassThrough(n) && n.children().size() == 1) {
            n = n.children().get(0);
        }
        return n;
    }

    /** The first node of a kind in a subtree, not looking below another join. */
    static Optional<SparkPlanNode> firstBelow(SparkPlanNode from, NativeOperators.Kind kind) {
        if (NativeOperators.kindOf(from.nodeName()) == kind) {
            return Optional.of(from);
        }
        for (SparkPlanNode child : from.children()) {
            NativeOperators.Kind k = NativeOperators.kindOf(child.nodeName());
            if (k == NativeOperators.Kind.SORT_MERGE_JOIN || k == NativeOperators.Kind.SHUFFLED_HASH_JOIN
                    || k == NativeOperators.Kind.BROADCAST_HASH_JOIN || k == NativeOperators.Kind.NESTED_LOOP_JOIN
                    || k == NativeOperators.Kind.CARTESIAN_PRODUCT) {
                continue;
            }
            Optional<SparkPlanNode> found = firstBelow(child, kind);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Stage attempts that ran for a query: the stages of its jobs. */
    static List<StageAttempt> stages(Application app, SqlExecution sql) {
        Set<Integer> jobIds = new HashSet<>(sql.successJobIds());
        jobIds.addAll(sql.failedJobIds());
        jobIds.addAll(sql.runningJobIds());
        for (Job job : app.jobs()) {
            if (job.sqlExecutionId().isPresent() && job.sqlExecutionId().getAsLong() == sql.id()) {
                jobIds.add(job.jobId());
            }
        }
        List<StageAttempt> out = new ArrayList<>();
        for (StageAttempt s : Stages.ran(app)) {
            if (s.jobIds().stream().anyMatch(jobIds::contains)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Executor run time of the query's stages, in core-seconds. */
    static double coreSeconds(Application app, SqlExecution sql) {
        return coreSeconds(stages(app, sql));
    }

    static double coreSeconds(List<StageAttempt> stages) {
        long ms = 0;
        for (StageAttempt s : stages) {
            ms += s.metrics().executorRunTime();
        }
        return ms / 1000.0;
    }

    /**
     * Core-seconds of reading one scan's input: the run time of the query's input stages, in the
     * share of their input bytes this scan read (a stage reading two tables is split by bytes).
     */
    static double scanCoreSeconds(Application app, SqlExecution sql, long scanBytes) {
        long inputBytes = 0;
        long runMs = 0;
        for (StageAttempt s : stages(app, sql)) {
            if (s.metrics().inputBytes() > 0) {
                inputBytes += s.metrics().inputBytes();
                runMs += s.metrics().executorRunTime();
            }
        }
        if (inputBytes <= 0) {
            return 0;
        }
        return runMs / 1000.0 * Math.min(1.0, (double) scanBytes / inputBytes);
    }

    /** Plan text without expression ids (#123), so the same relation compares equal across queries. */
    static String withoutExprIds(String text) {
        return EXPR_ID.matcher(text).replaceAll("");
    }

    static String shorten(String text, int max) {
        String t = text.trim();
        return t.length() <= max ? t : t.substring(0, max - 3) + "...";
    }

    /**
     * A line of a node's section in physicalPlanDescription ("(7) BroadcastNestedLoopJoin" then
     * "Join condition: ..."), for the first section whose header names {@code nodeName}.
     */
    static Optional<String> planDetail(SqlExecution sql, String nodeName, String field) {
        String text = sql.physicalPlanDescription();
        String[] lines = text.split("\n");
        boolean inSection = false;
        for (String line : lines) {
            String t = line.trim();
            if (t.matches("\\(\\d+\\) .*")) {
                inSection = t.contains(nodeName);
            } else if (inSection && t.startsWith(field + ":")) {
                return Optional.of(t.substring(field.length() + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** Major and minor Spark version ("3.1.1.119" is 3.1), when the log says. */
    static Optional<int[]> sparkVersion(Application app) {
        return app.info().sparkVersion().flatMap(v -> {
            String[] parts = v.split("[.\\-]");
            try {
                return parts.length < 2 ? Optional.empty()
                        : Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static boolean atLeast(int[] version, int major, int minor) {
        return version[0] > major || (version[0] == major && version[1] >= minor);
    }
}
