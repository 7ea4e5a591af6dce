package io.sparkwise.state;

import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.TaskEndReason;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.sparkwise.state.Events.executorAdded;
import static io.sparkwise.state.Events.jobStart;
import static io.sparkwise.state.Events.metrics;
import static io.sparkwise.state.Events.report;
import static io.sparkwise.state.Events.stageSubmitted;
import static io.sparkwise.state.Events.taskEnd;
import static io.sparkwise.state.Events.taskStart;
import static org.assertj.core.api.Assertions.assertThat;

class TaskAccountingTest {

    private final ApplicationState state = new ApplicationState();

    private StageAttempt stage0() {
        return state.snapshot(report(), "app").stage(0, 0).orElseThrow();
    }

    private void runningStage() {
        state.onEvent(executorAdded("1", 1));
        state.onEvent(jobStart(0, 0, Map.of()));
        state.onEvent(stageSubmitted(0));
    }

    @Test
    void onTaskEnd_startSeen_countsTheMetricsForTheStage() {
        runningStage();
        state.onEvent(taskStart(0, 7, 0, "1"));
        state.onEvent(taskEnd(0, 7, 0, "1", TaskEndReason.SUCCESS, metrics(100, 10), AccumulatorUpdates.EMPTY));

        assertThat(stage0().metrics().executorRunTime()).isEqualTo(100);
        assertThat(stage0().numCompleteTasks()).isEqualTo(1);
    }

    @Test
    void onTaskEnd_startNotSeen_countsTheTaskButNotItsMetrics() {
        // As the History Server: a task whose start is missing (a rolled-over part) adds no metrics.
        runningStage();
        state.onEvent(taskEnd(0, 7, 0, "1", TaskEndReason.SUCCESS, metrics(100, 10), AccumulatorUpdates.EMPTY));

        assertThat(stage0().metrics().executorRunTime()).isZero();
        assertThat(stage0().numCompleteTasks()).isEqualTo(1);
    }

    @Test
    void onTaskEnd_killedTask_isKilledNotFailedAndGroupedByItsReason() {
        runningStage();
        state.onEvent(taskStart(0, 7, 0, "1"));
        state.onEvent(taskEnd(0, 7, 0, "1", new TaskEndReason.TaskKilled(Optional.of("another attempt succeeded")),
                metrics(100, 10), AccumulatorUpdates.EMPTY));

        Application app = state.snapshot(report(), "app");
        StageAttempt stage = app.stage(0, 0).orElseThrow();
        assertThat(stage.numKilledTasks()).isEqualTo(1);
        assertThat(stage.numFailedTasks()).isZero();
        assertThat(stage.killedTasksSummary()).containsEntry("another attempt succeeded", 1);
        assertThat(app.taskFailures()).singleElement()
                .satisfies(g -> {
                    assertThat(g.kind()).isEqualTo(TaskFailureKind.TASK_KILLED);
                    assertThat(g.cause()).isEqualTo("another attempt succeeded");
                });
    }

    @Test
    void snapshot_taskRunning_showsItActiveAndLeavesTheStateUnchanged() {
        runningStage();
        state.onEvent(taskStart(0, 7, 0, "1"));
        Application during = state.snapshot(report(), "app");
        Application again = state.snapshot(report(), "app");
        state.onEvent(taskEnd(0, 7, 0, "1", TaskEndReason.SUCCESS, metrics(100, 10), AccumulatorUpdates.EMPTY));

        assertThat(during).usingRecursiveComparison().isEqualTo(again);
        assertThat(during.stage(0, 0).orElseThrow().numActiveTasks()).isEqualTo(1);
        assertThat(during.executor("1").orElseThrow().activeTasks()).isEqualTo(1);
        assertThat(stage0().numActiveTasks()).isZero();
        assertThat(stage0().metrics().executorRunTime()).isEqualTo(100);
    }
}
