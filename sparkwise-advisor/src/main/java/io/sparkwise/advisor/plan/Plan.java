package io.sparkwise.advisor.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A sizing plan: the numbers, the Spark settings that apply them, and one explained line per number.
 *
 * @param executorHeapMib 0 on Databricks (the platform sets it)
 * @param conf Spark settings in the order they are explained
 */
public record Plan(PlanRequest request, int executorCores, long executorHeapMib, long executorOverheadMib,
                   int executorsPerNode, int executors, int nodes, int driverCores, long driverHeapMib, long driverOverheadMib,
                   long inputPartitions, long shufflePartitions, Map<String, String> conf, List<PlanLine> lines,
                   List<String> notes) {

    public Plan {
        requireNonNull(request, "request is null");
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** heap + overhead: what YARN or Kubernetes grants one executor. */
    public long containerMib() {
        return executorHeapMib + executorOverheadMib;
    }
}
