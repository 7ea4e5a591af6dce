package io.sparkwise.state.event;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Spark's SparkPlanInfo: a node of a physical plan, with its children and its metrics. */
public record SparkPlanInfo(
        String nodeName,
        String simpleString,
        List<SparkPlanInfo> children,
        Map<String, String> metadata,
        List<SqlMetricInfo> metrics) {

    public SparkPlanInfo {
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(simpleString, "simpleString is null");
        children = Copies.list(children, "children");
        metadata = Copies.orderedMap(metadata, "metadata");
        metrics = Copies.list(metrics, "metrics");
    }
}
