package io.sparkwise.report.html;

import io.sparkwise.analysis.Finding;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.report.SafeText;
import io.sparkwise.report.Units;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Each SQL query's final physical plan as a collapsible tree with its metrics and the nodes findings point at. */
final class SqlSection {

    static final int MAX_QUERIES = 200;
    static final int MAX_NODES_PER_PLAN = 1500;
    private static final int TEXT_LIMIT = 400;

    private SqlSection() {
    }

    static void write(Html html, List<SqlExecution> executions, List<Finding> findings) {
        if (executions.isEmpty()) {
            html.element("p", "No SQL or DataFrame queries in this application.", "class", "note");
            return;
        }
        List<SqlExecution> shown = executions.stream()
                .sorted(Comparator.comparingLong((SqlExecution e) -> e.duration().orElse(0)).reversed())
                .limit(MAX_QUERIES)
                .sorted(Comparator.comparingLong(SqlExecution::id)).toList();
        if (shown.size() < executions.size()) {
            html.element("p", "Showing the " + MAX_QUERIES + " longest of " + executions.size() + " queries.", "class", "note");
        }
        html.element("p", "Nodes outlined in red are those a finding points at; plan metrics are summed over tasks.",
                "class", "note");
        for (SqlExecution sql : shown) {
            List<Finding> own = findings.stream()
                    .filter(f -> f.scope().sqlId().isPresent() && f.scope().sqlId().getAsLong() == sql.id()).toList();
            query(html, sql, own);
        }
    }

    private static void query(Html html, SqlExecution sql, List<Finding> findings) {
        html.open("details", "class", "sql", "id", "sql-" + sql.id(), "open", findings.isEmpty() ? null : "");
        html.open("summary");
        html.element("b", "SQL " + sql.id());
        html.text(" " + cut(oneLine(sql.description()), 160) + " (" + sql.status().toLowerCase(Locale.ROOT)
                + sql.duration().stream().mapToObj(d -> ", " + Units.millis(d)).findFirst().orElse("") + ")");
        for (Finding f : findings) {
            html.element("span", f.ruleId(), "class", "tag " + f.severity().label());
        }
        html.close("summary");
        sql.errorMessage().ifPresent(m -> html.element("pre", cut(m, 2000), "class", "error"));
        if (sql.plan().isEmpty()) {
            html.element("p", "The log has no plan for this query.", "class", "note");
        } else {
            int[] budget = {MAX_NODES_PER_PLAN};
            html.open("ul", "class", "plan");
            node(html, sql.plan().get(), sql.metricValues(), new PlanHighlights(findings), budget);
            html.close("ul");
            if (budget[0] < 0) {
                html.element("p", "Plan cut at " + MAX_NODES_PER_PLAN + " nodes.", "class", "note");
            }
        }
        html.close("details");
    }

    private static void node(Html html, SparkPlanNode node, Map<Long, SqlExecution.SqlMetricValue> values,
                             PlanHighlights highlights, int[] budget) {
        if (--budget[0] < 0) {
            return;
        }
        List<String> rules = highlights.rulesAt(node);
        html.open("li", "class", rules.isEmpty() ? "node" : "node flagged", "data-node", node.nodeName().trim());
        html.element("span", node.nodeName().trim(), "class", "op");
        for (String rule : rules) {
            html.element("span", rule, "class", "tag flag");
        }
        String detail = node.simpleString().trim();
        if (!detail.isEmpty() && !detail.equals(node.nodeName().trim())) {
            html.element("div", cut(detail, TEXT_LIMIT), "class", "simple");
        }
        StringBuilder metrics = new StringBuilder();
        for (SparkPlanNode.SqlMetric m : node.metrics()) {
            SqlExecution.SqlMetricValue v = values.get(m.accumulatorId());
            if (v != null && v.sum() != 0) {
                metrics.append(metrics.length() == 0 ? "" : " · ").append(m.name()).append(": ").append(format(m, v));
            }
        }
        if (metrics.length() > 0) {
            html.element("div", metrics.toString(), "class", "metrics");
        }
        if (!node.children().isEmpty()) {
            html.open("ul");
            for (SparkPlanNode child : node.children()) {
                node(html, child, values, highlights, budget);
            }
            html.close("ul");
        }
        html.close("li");
    }

    /** A metric value in its unit: Spark's size, timing (ms) and nsTiming types; plain numbers otherwise. */
    static String format(SparkPlanNode.SqlMetric metric, SqlExecution.SqlMetricValue v) {
        return switch (metric.metricType()) {
            case "size" -> Units.bytes(v.sum()) + (v.updates() > 1 ? " (max " + Units.bytes(v.max()) + ")" : "");
            case "timing" -> Units.millis(v.sum()) + (v.updates() > 1 ? " (max " + Units.millis(v.max()) + ")" : "");
            case "nsTiming" -> Units.nanos(v.sum()) + (v.updates() > 1 ? " (max " + Units.nanos(v.max()) + ")" : "");
            default -> String.format(Locale.ROOT, "%,d", v.sum());
        };
    }

    static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    static String cut(String s, int max) {
        return SafeText.cut(s, max, "…");
    }
}
