package io.sparkwise.simulator;

import io.sparkwise.model.QuantileSketch;

import java.util.Random;

/**
 * The task durations of a stage attempt, recovered from its quantile sketch: one value per task at
 * evenly spaced ranks, so the i-th smallest task gets the sketch's estimate of the i-th smallest
 * duration. The sketch keeps min and max exactly and every other value within 1%, so each
 * recovered duration is within 1% of a real one, and the recovered total within 1% of the real
 * total. The durations are then put in a pseudo-random order seeded by the stage and attempt, so
 * every replay of the same stage launches them in the same order.
 */
final class TaskDurations {

    private TaskDurations() {
    }

    /**
     * @param factor multiplies every duration (e.g. for shuffle fetch wait that grows with remote
     *     reads); 1 keeps them as logged
     */
    static long[] of(Workload.Stage stage, double factor) {
        QuantileSketch sketch = stage.durations();
        int n = stage.taskCount();
        long[] durations = new long[n];
        for (int i = 0; i < n; i++) {
            // (i + 0.5) / n puts the rank at i exactly after the sketch's floor(q x count).
            long d = sketch.quantile(Math.min(1.0, (i + 0.5) / n));
            durations[i] = factor == 1.0 ? d : Math.max(0, Math.round(d * factor));
        }
        Random random = new Random(31L * stage.stageId() + stage.attemptId());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = durations[i];
            durations[i] = durations[j];
            durations[j] = t;
        }
        return durations;
    }
}
