package io.sparkwise.state;

import io.sparkwise.model.Application;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.DriverAccumUpdates;
import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlAdaptiveExecutionUpdate;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.SqlMetricInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.sparkwise.state.Events.jobEnd;
import static io.sparkwise.state.Events.jobStart;
import static io.sparkwise.state.Events.report;
import static org.assertj.core.api.Assertions.assertThat;

class SqlExecutionsStateTest {

    private final ApplicationState state = new ApplicationState();

    private static SparkPlanInfo scan(long accumulatorId) {
        return new SparkPlanInfo("Scan parquet", "Scan parquet db.t", List.of(), Map.of("Location", "s3://b/t"),
                List.of(new SqlMetricInfo("number of files read", accumulatorId, "sum")));
    }

    private static SqlExecutionStart start(long id) {
        return new SqlExecutionStart(id, OptionalLong.empty(), "q", "", "== Physical Plan ==",
                Optional.of(scan(100)), OptionalLong.of(10));
    }

    private Optional<SqlExecution> execution(long id) {
        Application app = state.snapshot(report(), "app");
        return app.sqlExecutions().stream().filter(s -> s.id() == id).findFirst();
    }

    @Test
    void driverAccumUpdates_metricOfThePlan_isSummed() {
        state.onEvent(start(1));
        state.onEvent(new DriverAccumUpdates(1, AccumulatorUpdates.of(new long[] {100, 999}, new long[] {4, 5}, 2)));

        SqlExecution sql = execution(1).orElseThrow();
        assertThat(sql.metricValues()).containsOnlyKeys(100L);
        assertThat(sql.metricValues().get(100L).sum()).isEqualTo(4);
    }

    @Test
    void adaptiveUpdate_executionNotStarted_isIgnored() {
        state.onEvent(new SqlAdaptiveExecutionUpdate(2, Optional.of("new plan"), Optional.of(scan(101))));

        assertThat(state.snapshot(report(), "app").sqlExecutions()).isEmpty();
    }

    @Test
    void end_failedJob_makesTheExecutionFailed() {
        state.onEvent(start(1));
        state.onEvent(jobStart(0, 0, Map.of("spark.sql.execution.id", "1")));
        state.onEvent(jobEnd(0, false));
        state.onEvent(new SqlExecutionEnd(1, OptionalLong.of(20), Optional.empty()));

        SqlExecution sql = execution(1).orElseThrow();
        assertThat(sql.status()).isEqualTo("FAILED");
        assertThat(sql.failedJobIds()).containsExactly(0);
    }

    @Test
    void end_noFailure_makesTheExecutionCompleted() {
        state.onEvent(start(1));
        state.onEvent(jobStart(0, 0, Map.of("spark.sql.execution.id", "1")));
        state.onEvent(jobEnd(0, true));
        state.onEvent(new SqlExecutionEnd(1, OptionalLong.of(20), Optional.empty()));

        assertThat(execution(1).orElseThrow().status()).isEqualTo("COMPLETED");
    }
}
