package io.sparkwise.analysis.rules.sql;

import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Plans with metric values for the SQL rule tests (TestApps.sql has no metric values): build the
 * nodes here, then attach the executions to an application built by TestApps.
 */
final class SqlFixtures {

    private long nextAccumulator = 1;
    private final Map<Long, SqlExecution.SqlMetricValue> values = new HashMap<>();

    /** A node whose metrics have the given values; "shuffle write time" is logged in ns as Spark does. */
    SparkPlanNode node(String name, String simpleString, Map<String, String> metadata, Map<String, Long> metrics,
                       SparkPlanNode... children) {
        List<SparkPlanNode.SqlMetric> defs = new ArrayList<>();
        metrics.forEach((metric, value) -> {
            long id = nextAccumulator++;
            defs.add(new SparkPlanNode.SqlMetric(metric, id, metric.equals("shuffle write time") ? "nsTiming" : "sum"));
            values.put(id, new SqlExecution.SqlMetricValue(value, value, value, 1));
        });
        return new SparkPlanNode(name, simpleString, Arrays.asList(children), metadata, defs);
    }

    SparkPlanNode node(String name, String simpleString, SparkPlanNode... children) {
        return node(name, simpleString, Map.of(), Map.of(), children);
    }

    /** A completed execution of {@code root}, run by {@code jobIds}. */
    SqlExecution execution(long id, SparkPlanNode root, String planText, Integer... jobIds) {
        return new SqlExecution(id, "query " + id, "", planText, OptionalLong.of(0), OptionalLong.of(1000), "COMPLETED",
                Optional.empty(), List.of(jobIds), List.of(), List.of(), Optional.of(root), new HashMap<>(values),
                OptionalLong.empty());
    }

    static Application with(Application app, SqlExecution... executions) {
        return new Application(app.info(), app.environment(), app.resourceProfiles(), app.jobs(), app.stages(),
                app.executors(), List.of(executions), app.taskFailures(), app.readReport());
    }

    static Map<String, Long> metrics(Object... nameValue) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).longValue());
        }
        return m;
    }
}
