package io.sparkwise.eventlog.parse;

import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlMetricInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sparkwise.eventlog.parse.JsonAccess.asObj;
import static io.sparkwise.eventlog.parse.JsonAccess.list;
import static io.sparkwise.eventlog.parse.JsonAccess.lng;
import static io.sparkwise.eventlog.parse.JsonAccess.str;
import static io.sparkwise.eventlog.parse.JsonAccess.stringMap;

/** Reads a {@code sparkPlanInfo} tree and the {@code sqlPlanMetrics} of adaptive updates. */
final class PlanParser {

    /** Plans deeper than this are cut: a guard against hostile input, far above real plans. */
    private static final int MAX_DEPTH = 500;

    private PlanParser() {
    }

    static SparkPlanInfo parse(Map<String, Object> json) {
        return parse(json, 0);
    }

    private static SparkPlanInfo parse(Map<String, Object> json, int depth) {
        List<SparkPlanInfo> children = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            for (Object child : list(json, "children")) {
                Map<String, Object> c = asObj(child);
                if (c != null) {
                    children.add(parse(c, depth + 1));
                }
            }
        }
        return new SparkPlanInfo(str(json, "nodeName", ""), str(json, "simpleString", ""), children,
                stringMap(json, "metadata"), metrics(list(json, "metrics")));
    }

    /** SQLMetricInfo objects; an entry that is not an object keeps Spark's defaults, as before. */
    static List<SqlMetricInfo> metrics(List<Object> json) {
        List<SqlMetricInfo> metrics = new ArrayList<>(json.size());
        for (Object o : json) {
            Map<String, Object> m = asObj(o);
            metrics.add(new SqlMetricInfo(str(m, "name", ""), lng(m, "accumulatorId", -1), str(m, "metricType", "sum")));
        }
        return metrics;
    }
}
