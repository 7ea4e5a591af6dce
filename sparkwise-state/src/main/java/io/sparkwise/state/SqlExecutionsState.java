package io.sparkwise.state;

import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.state.event.DriverAccumUpdates;
import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlAdaptiveExecutionUpdate;
import io.sparkwise.state.event.SqlAdaptiveSqlMetricUpdates;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.SqlMetricInfo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQL executions as Spark's SQLAppStatusListener keeps them, with the values of their plans'
 * metrics. Finished executions beyond the {@link RetentionLimits} are folded into counts, oldest
 * first, and their metrics' accumulators forgotten.
 */
final class SqlExecutionsState {

    private final RetentionLimits limits;
    private final Map<Long, LiveSql> sqlExecutions = new TreeMap<>();
    private final SqlMetrics sqlMetrics = new SqlMetrics();
    private int finished;
    private long foldedExecutions;
    private long foldedFailedExecutions;

    SqlExecutionsState(RetentionLimits limits) {
        this.limits = limits;
    }

    private LiveSql sql(long id) {
        return sqlExecutions.computeIfAbsent(id, LiveSql::new);
    }

    void onStart(SqlExecutionStart e) {
        LiveSql sql = sql(e.executionId());
        sql.started = true;
        sql.description = e.description();
        sql.details = e.details();
        sql.physicalPlanDescription = e.physicalPlanDescription();
        sql.submissionTime = e.time();
        sql.rootExecutionId = e.rootExecutionId();
        e.sparkPlanInfo().ifPresent(plan -> setPlan(sql, plan));
    }

    void onAdaptiveUpdate(SqlAdaptiveExecutionUpdate e) {
        LiveSql sql = sqlExecutions.get(e.executionId());
        if (sql == null) {
            return;     // an execution whose start is not in the log (a rolled-over part)
        }
        sql.physicalPlanDescription = e.physicalPlanDescription().orElse(sql.physicalPlanDescription);
        e.sparkPlanInfo().ifPresent(plan -> setPlan(sql, plan));
    }

    private void setPlan(LiveSql sql, SparkPlanInfo plan) {
        sql.plan = Optional.of(toModel(plan, sql.metricIds));
    }

    /** The model's plan node; registers every metric's accumulator, parents first. */
    private SparkPlanNode toModel(SparkPlanInfo info, List<Long> metricIds) {
        List<SparkPlanNode.SqlMetric> metrics = new ArrayList<>(info.metrics().size());
        for (SqlMetricInfo m : info.metrics()) {
            metrics.add(new SparkPlanNode.SqlMetric(m.name(), m.accumulatorId(), m.metricType()));
            if (m.accumulatorId() >= 0) {
                metricIds.add(m.accumulatorId());
                sqlMetrics.register(m.accumulatorId());
            }
        }
        List<SparkPlanNode> children = new ArrayList<>(info.children().size());
        for (SparkPlanInfo child : info.children()) {
            children.add(toModel(child, metricIds));
        }
        return new SparkPlanNode(info.nodeName(), info.simpleString(), children, info.metadata(), metrics);
    }

    void onAdaptiveMetrics(SqlAdaptiveSqlMetricUpdates e) {
        LiveSql sql = sqlExecutions.get(e.executionId());
        if (sql == null) {
            return;     // an execution whose start is not in the log (a rolled-over part)
        }
        for (SqlMetricInfo m : e.sqlPlanMetrics()) {
            if (m.accumulatorId() >= 0) {
                sql.metricIds.add(m.accumulatorId());
                sqlMetrics.register(m.accumulatorId());
            }
        }
    }

    void onEnd(SqlExecutionEnd e) {
        LiveSql sql = sqlExecutions.get(e.executionId());
        if (sql == null) {
            return;     // an execution whose start is not in the log (a rolled-over part)
        }
        boolean wasFinished = sql.completionTime.isPresent();
        sql.completionTime = e.time();
        if (wasFinished != sql.completionTime.isPresent()) {
            finished += wasFinished ? -1 : 1;
        }
        sql.errorMessage = e.errorMessage().filter(s -> !s.isEmpty());
    }

    void onDriverAccumUpdates(DriverAccumUpdates e) {
        for (int i = 0; i < e.accumUpdates().size(); i++) {
            sqlMetrics.update(e.accumUpdates().id(i), e.accumUpdates().update(i));
        }
    }

    /** A task's or the driver's update of a plan metric; ignored unless a plan registered it. */
    void onAccumulatorUpdate(long accumulatorId, long update) {
        sqlMetrics.update(accumulatorId, update);
    }

    /** A job may start before its execution's start event is logged: the execution is created then, as in Spark. */
    void onJobStart(long executionId, int jobId) {
        sql(executionId).jobs.put(jobId, "RUNNING");
    }

    void onJobEnd(long executionId, int jobId, boolean succeeded) {
        LiveSql sql = sqlExecutions.get(executionId);
        if (sql != null) {
            sql.jobs.put(jobId, succeeded ? "SUCCEEDED" : "FAILED");
        }
    }

    // ---------------------------------------------------------------- retention

    void enforceRetention() {
        if (finished <= limits.maxSqlExecutions()) {
            return;
        }
        Iterator<LiveSql> it = sqlExecutions.values().iterator();
        while (finished > limits.maxSqlExecutions() && it.hasNext()) {
            LiveSql sql = it.next();
            if (sql.completionTime.isPresent()) {
                it.remove();
                finished--;
                for (Long id : sql.metricIds) {
                    sqlMetrics.forget(id);
                }
                if (sql.started) {
                    foldedExecutions++;
                    if ("FAILED".equals(sql.status())) {
                        foldedFailedExecutions++;
                    }
                }
            }
        }
    }

    int metricCount() {
        return sqlMetrics.size();
    }

    int retainedCount() {
        return sqlExecutions.size();
    }

    void addFolded(JobsAndStagesState.Folded folded) {
        folded.sqlExecutions = foldedExecutions;
        folded.failedSqlExecutions = foldedFailedExecutions;
    }

    List<SqlExecution> toModel() {
        Map<Long, SqlExecution.SqlMetricValue> values = sqlMetrics.values();
        List<SqlExecution> out = new ArrayList<>();
        sqlExecutions.values().stream().filter(s -> s.started).forEach(s -> out.add(s.toModel(values)));
        return out;
    }
}
