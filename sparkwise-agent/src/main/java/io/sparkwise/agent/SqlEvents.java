package io.sparkwise.agent;

import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.SqlMetricInfo;
import org.apache.spark.scheduler.SparkListenerEvent;
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
