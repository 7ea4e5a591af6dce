package io.sparkwise.simulator;

import static java.util.Objects.requireNonNull;

/**
 * The replay of an application on the executors it really had (each added and removed when the
 * log says) against the wall time it really took: the simulator's first test on any log.
 */
public record SelfCheck(SimulationResult predicted, long realWallTimeMs) {

    public SelfCheck {
        requireNonNull(predicted, "predicted is null");
    }

    /** (predicted - real) / real in percent; 0 when the real wall time is 0. */
    public double errorPct() {
        return realWallTimeMs == 0 ? 0 : 100.0 * (predicted.predictedWallTimeMs() - realWallTimeMs) / realWallTimeMs;
    }
}
