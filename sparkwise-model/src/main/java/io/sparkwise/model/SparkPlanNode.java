package io.sparkwise.model;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A node of a physical plan (the event log's {@code sparkPlanInfo}).
 *
 * @param nodeName operator name, e.g. {@code SortMergeJoin}, {@code Exchange}, {@code PhotonScan}
 * @param simpleString one-line description with the operator's arguments
 * @param metadata operator metadata (for scans: Location, PartitionFilters, PushedFilters, ...)
 */
public record SparkPlanNode(
        String nodeName,
        String simpleString,
        List<SparkPlanNode> children,
        Map<String, String> metadata,
        List<SqlMetric> metrics) {

    public SparkPlanNode {
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(simpleString, "simpleString is null");
        children = List.copyOf(children);
        metadata = Map.copyOf(metadata);
        metrics = List.copyOf(metrics);
    }

    /** Visits this node and every node below it, parents first. */
    public void forEach(Consumer<SparkPlanNode> visitor) {
        visitor.accept(this);
        for (SparkPlanNode child : children) {
            child.forEach(visitor);
        }
    }

    /** A plan metric: its name, the accumulator that carries it, and its type (sum, size, timing, ...). */
    public record SqlMetric(String name, long accumulatorId, String metricType) {
        public SqlMetric {
            requireNonNull(name, "name is null");
            requireNonNull(metricType, "metricType is null");
        }
    }
}
