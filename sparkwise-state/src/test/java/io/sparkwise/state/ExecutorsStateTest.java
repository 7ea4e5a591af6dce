package io.sparkwise.state;

import io.sparkwise.model.Application;
import io.sparkwise.state.event.ExecutorMetricsUpdate;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.MetricValues;
import io.sparkwise.state.event.NodeExcluded;
import io.sparkwise.state.event.StageExecutorMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.sparkwise.state.Events.executorAdded;
import static io.sparkwise.state.Events.report;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutorsStateTest {

    private final ApplicationState state = new ApplicationState();

    private static MetricValues heap(long bytes) {
        return MetricValues.of(Map.of("JVMHeapMemory", bytes));
    }

    private long heapPeak(String executorId) {
        Application app = state.snapshot(report(), "app");
        return app.executor(executorId).orElseThrow().peakMemoryMetrics().orElseThrow().peak("JVMHeapMemory").orElseThrow();
    }

    @Test
    void stageExecutorMetrics_removedExecutor_stillUpdatesItsPeaks() {
        // The History Server does the same: the stage's metrics arrive after the executor left.
        state.onEvent(executorAdded("1", 1));
        state.onEvent(new ExecutorRemoved(OptionalLong.of(5), "1", Optional.of("idle")));
        state.onEvent(new StageExecutorMetrics("1", 0, 0, heap(900)));

        assertThat(heapPeak("1")).isEqualTo(900);
    }

    @Test
    void executorMetricsUpdate_removedExecutor_isIgnored() {
        state.onEvent(executorAdded("1", 1));
        state.onEvent(new StageExecutorMetrics("1", 0, 0, heap(500)));
        state.onEvent(new ExecutorRemoved(OptionalLong.of(5), "1", Optional.of("idle")));
        state.onEvent(new ExecutorMetricsUpdate("1", List.of(new ExecutorMetricsUpdate.StageUpdate(0, 0, heap(900)))));

        assertThat(heapPeak("1")).isEqualTo(500);
    }

    @Test
    void nodeExcluded_excludesTheExecutorsOfThatHostOnly() {
        state.onEvent(executorAdded("1", 1));
        state.onEvent(executorAdded("2", 1));
        state.onEvent(new NodeExcluded(10, "host-1"));

        Application app = state.snapshot(report(), "app");
        assertThat(app.executor("1").orElseThrow().isExcluded()).isTrue();
        assertThat(app.executor("2").orElseThrow().isExcluded()).isFalse();
    }
}
