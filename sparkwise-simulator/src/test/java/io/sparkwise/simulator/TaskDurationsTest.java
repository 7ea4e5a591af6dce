package io.sparkwise.simulator;

import io.sparkwise.model.QuantileSketch;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TaskDurationsTest {

    /** A stage whose 100 tasks took 1 s, 2 s, ... 100 s. */
    private static Workload.Stage stage() {
        QuantileSketch.Builder b = new QuantileSketch.Builder();
        for (int i = 1; i <= 100; i++) {
            b.add(i * 1_000L);
        }
        return new Workload.Stage(3, 0, 0, 0, List.of(), 0, 0, 0, 0, b.build(), 0, 0, 0);
    }

    @Test
    void of_sketch_recoversEveryDurationWithinOnePercentAndMinAndMaxExactly() {
        long[] durations = TaskDurations.of(stage(), 1.0);
        long[] sorted = durations.clone();
        Arrays.sort(sorted);

        assertThat(sorted).hasSize(100);
        assertThat(sorted[0]).isEqualTo(1_000);
        assertThat(sorted[99]).isEqualTo(100_000);
        for (int i = 0; i < 100; i++) {
            assertThat((double) sorted[i]).as("task %d", i).isCloseTo((i + 1) * 1_000.0, within((i + 1) * 10.0));
        }
        // 1 s + ... + 100 s = 5,050 s.
        assertThat((double) Arrays.stream(sorted).sum()).isCloseTo(5_050_000.0, within(50_500.0));
    }

    @Test
    void of_sameStage_launchesInTheSameShuffledOrderEveryTime() {
        long[] first = TaskDurations.of(stage(), 1.0);

        assertThat(TaskDurations.of(stage(), 1.0)).containsExactly(first);
        long[] sorted = first.clone();
        Arrays.sort(sorted);
        assertThat(first).isNotEqualTo(sorted);
    }

    @Test
    void of_factor_scalesEveryDuration() {
        long[] base = TaskDurations.of(stage(), 1.0);
        long[] slower = TaskDurations.of(stage(), 1.5);

        for (int i = 0; i < base.length; i++) {
            assertThat(slower[i]).isEqualTo(Math.round(base[i] * 1.5));
        }
    }
}
