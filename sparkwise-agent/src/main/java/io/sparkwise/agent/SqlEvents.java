package io.sparkwise.agent;

import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.DriverAccumUpdates;
import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlAdaptiveExecutionUpdate;
import io.sparkwise.state.event.SqlAdaptiveSqlMetricUpdates;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.SqlMetricInfo;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveSQLMetricUpdates;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Spark SQL's execution events (posted as "other" events), converted as {@link SparkEvents}
 * converts the core's. Touched only when spark-sql is on the classpath
 * ({@link SparkwiseListener#SQL_AVAILABLE}): an application of Spark core alone has none of these
 * classes, and this class would not load there.
 */
final class SqlEvents {

    private SqlEvents() {
    }

    /** The typed event for a SQL execution start or end; empty for any other event. */
    static Optional<io.sparkwise.state.event.SparkEvent> convert(SparkListenerEvent event) {
        if (event instanceof SparkListenerSQLExecutionStart s) {
            return Optional.of(start(s));
        }
        if (event instanceof SparkListenerSQLExecutionEnd e) {
            return Optional.of(end(e));
        }
        if (event instanceof SparkListenerSQLAdaptiveExecutionUpdate u) {
            return Optional.of(adaptiveUpdate(u));
        }
        if (event instanceof SparkListenerSQLAdaptiveSQLMetricUpdates m) {
            return Optional.of(adaptiveMetrics(m));
        }
        if (event instanceof SparkListenerDriverAccumUpdates d) {
            return Optional.of(driverAccumUpdates(d));
        }
        return Optional.empty();
    }

    static SqlExecutionStart start(SparkListenerSQLExecutionStart e) {
        // rootExecutionId exists from Spark 3.5 on: read by name, absent before.
        OptionalLong root = ScalaValues.call(e, "rootExecutionId")
                .map(o -> ScalaValues.optionalLong((scala.Option<?>) o)).orElse(OptionalLong.empty());
        return new SqlExecutionStart(e.executionId(), root, nonNull(e.description()), nonNull(e.details()),
                nonNull(e.physicalPlanDescription()), Optional.ofNullable(e.sparkPlanInfo()).map(SqlEvents::plan),
                OptionalLong.of(e.time()));
    }

    static SqlExecutionEnd end(SparkListenerSQLExecutionEnd e) {
        Optional<String> error = ScalaValues.call(e, "errorMessage")
                .flatMap(o -> ScalaValues.optionalString((scala.Option<?>) o));
        return new SqlExecutionEnd(e.executionId(), OptionalLong.of(e.time()), error);
    }

    /** AQE re-planned the execution: the new plan, which the SQL rules judge. */
    static SqlAdaptiveExecutionUpdate adaptiveUpdate(SparkListenerSQLAdaptiveExecutionUpdate e) {
        return new SqlAdaptiveExecutionUpdate(e.executionId(), Optional.ofNullable(e.physicalPlanDescription()),
                Optional.ofNullable(e.sparkPlanInfo()).map(SqlEvents::plan));
    }

    static SqlAdaptiveSqlMetricUpdates adaptiveMetrics(SparkListenerSQLAdaptiveSQLMetricUpdates e) {
        List<SqlMetricInfo> metrics = new ArrayList<>();
        for (Object o : ScalaValues.elements(e, "sqlPlanMetrics")) {
            var m = (org.apache.spark.sql.execution.ui.SQLPlanMetric) o;
            metrics.add(new SqlMetricInfo(nonNull(m.name()), m.accumulatorId(), nonNull(m.metricType())));
        }
        return new SqlAdaptiveSqlMetricUpdates(e.executionId(), metrics);
    }

    /** SQL metrics the driver itself updated (e.g. a broadcast's size), as (accumulator id, value) pairs. */
    static DriverAccumUpdates driverAccumUpdates(SparkListenerDriverAccumUpdates e) {
        List<Object> pairs = ScalaValues.elements(e, "accumUpdates");
        long[] ids = new long[pairs.size()];
        long[] values = new long[pairs.size()];
        int n = 0;
        for (Object o : pairs) {
            scala.Tuple2<?, ?> pair = (scala.Tuple2<?, ?>) o;
            if (pair._1() instanceof Number id && pair._2() instanceof Number value) {
                ids[n] = id.longValue();
                values[n++] = value.longValue();
            }
        }
        return new DriverAccumUpdates(e.executionId(), AccumulatorUpdates.of(ids, values, n));
    }

    static SparkPlanInfo plan(org.apache.spark.sql.execution.SparkPlanInfo p) {
        List<SparkPlanInfo> children = new ArrayList<>();
        for (Object child : ScalaValues.elements(p, "children")) {
            children.add(plan((org.apache.spark.sql.execution.SparkPlanInfo) child));
        }
        List<SqlMetricInfo> metrics = new ArrayList<>();
        for (Object o : ScalaValues.elements(p, "metrics")) {
            var m = (org.apache.spark.sql.execution.metric.SQLMetricInfo) o;
            metrics.add(new SqlMetricInfo(nonNull(m.name()), m.accumulatorId(), nonNull(m.metricType())));
        }
        return new SparkPlanInfo(nonNull(p.nodeName()), nonNull(p.simpleString()), children,
                SparkEvents.stringMap(p, "metadata"), metrics);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
