package io.sparkwise.state.event;

import java.util.List;

/** SparkListenerSQLAdaptiveSQLMetricUpdates: metrics of plan nodes added by adaptive execution. */
public record SqlAdaptiveSqlMetricUpdates(long executionId, List<SqlMetricInfo> sqlPlanMetrics) implements SparkEvent {
    public SqlAdaptiveSqlMetricUpdates {
        sqlPlanMetrics = Copies.list(sqlPlanMetrics, "sqlPlanMetrics");
    }
}
