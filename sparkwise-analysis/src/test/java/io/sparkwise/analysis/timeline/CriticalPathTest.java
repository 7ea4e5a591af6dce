package io.sparkwise.analysis.timeline;

import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskDistributions;
import io.sparkwise.model.TaskMetricTotals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CriticalPathTest {

    static StageAttempt stage(int id, long submitted, long completed, Integer... parents) {
        return stage(id, OptionalLong.of(submitted), OptionalLong.of(completed), StageStatus.COMPLETE, parents);
    }

    static StageAttempt stage(int id, OptionalLong submitted, OptionalLong completed, StageStatus status, Integer... parents) {
        return new StageAttempt(id, 0, status, "stage " + id, "", Optional.empty(), "default", 1, 0, 1, 0, 0, 1,
                submitted, submitted, completed, Optional.empty(), TaskMetricTotals.ZERO, TaskDistributions.EMPTY,
                List.of(parents), List.of(), List.of(0), 0, Map.of(), Map.of(), List.of(), Optional.empty());
    }

    private static List<Integer> ids(List<StageAttempt> path) {
        return path.stream().map(StageAttempt::stageId).toList();
    }

    @Test
    void of_joinOfTwoParents_walksBackThroughTheLatestFinishingParent() {
        List<StageAttempt> stages = List.of(stage(0, 0, 10), stage(1, 0, 5), stage(2, 10, 20, 0, 1));

        assertThat(ids(CriticalPath.of(stages))).containsExactly(0, 2);
    }

    @Test
    void of_stageWithoutParents_stepsToTheLatestStageFinishedBeforeItWasSubmitted() {
        // Two jobs one after the other: the driver waited for stage 0 (the longer) before submitting stage 2.
        List<StageAttempt> stages = List.of(stage(0, 0, 10), stage(1, 0, 3), stage(2, 12, 20));

        assertThat(ids(CriticalPath.of(stages))).containsExactly(0, 2);
    }

    @Test
    void of_parentStillRunningWhenChildSubmitted_isNotOnThePath() {
        // A parent that ended after its child started cannot have held it back.
        List<StageAttempt> stages = List.of(stage(0, 0, 8), stage(1, 0, 15), stage(2, 10, 20, 1));

        assertThat(ids(CriticalPath.of(stages))).containsExactly(0, 2);
    }

    @Test
    void of_skippedStagesWithoutTimes_areNeverOnThePath() {
        List<StageAttempt> stages = List.of(stage(0, OptionalLong.empty(), OptionalLong.empty(), StageStatus.SKIPPED),
                stage(1, 0, 5), stage(2, 5, 9, 0, 1));

        assertThat(ids(CriticalPath.of(stages))).containsExactly(1, 2);
    }

    @Test
    void of_zeroLengthStagesAtTheSameInstant_terminates() {
        List<StageAttempt> stages = List.of(stage(0, 5, 5), stage(1, 5, 5), stage(2, 5, 5, 1));

        assertThat(CriticalPath.of(stages)).hasSizeBetween(1, 3).doesNotHaveDuplicates();
    }

    @Test
    void of_noTimedStage_isEmpty() {
        assertThat(CriticalPath.of(List.of())).isEmpty();
    }
}
