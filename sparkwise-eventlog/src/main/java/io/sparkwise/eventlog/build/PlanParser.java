package io.sparkwise.eventlog.build;

import io.sparkwise.model.SparkPlanNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sparkwise.eventlog.build.JsonAccess.asObj;
import static io.sparkwise.eventlog.build.JsonAccess.list;
import static io.sparkwise.eventlog.build.JsonAccess.lng;
import static io.sparkwise.eventlog.build.JsonAccess.str;
import static io.sparkwise.eventlog.build.JsonAccess.stringMap;

/** Reads a {@code sparkPlanInfo} tree and registers its metrics' accumulators. */
final class PlanParser {

    /** Plans deeper than this are cut: a guard against hostile input, far above real plans. */
    private static final int MAX_DEPTH = 500;

    private PlanParser() {
    }

    static SparkPlanNode parse(Map<String, Object> json, List<Long> metricIds, SqlMetrics registry) {
        return parse(json, metricIds, registry, 0);
    }

    private static SparkPlanNode parse(Map<String, Object> json, List<Long> metricIds, SqlMetrics registry, int depth) {
        List<SparkPlanNode.SqlMetric> metrics = new ArrayList<>();
        for (Object o : list(json, "metrics")) {
            Map<String, Object> m = asObj(o);
            long id = lng(m, "accumulatorId", -1);
            metrics.add(new SparkPlanNode.SqlMetric(str(m, "name", ""), id, str(m, "metricType", "sum")));
            if (id >= 0) {
                metricIds.add(id);
                registry.register(id);
            }
        }
        List<SparkPlanNode> children = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            for (Object child : list(json, "children")) {
                Map<String, Object> c = asObj(child);
                if (c != null) {
                    children.add(parse(c, metricIds, registry, depth + 1));
                }
            }
        }
        return new SparkPlanNode(str(json, "nodeName", ""), str(json, "simpleString", ""), children,
                stringMap(json, "metadata"), metrics);
    }
}
