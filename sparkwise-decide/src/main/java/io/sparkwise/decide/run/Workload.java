package io.sparkwise.decide.run;

import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * What is to be run: bytes scanned per run, the query shape, how often, how many at once, and the
 * latency it must meet; with the measured run when it comes from an event log.
 */
public record Workload(long scannedBytes, QueryShape shape, double runsPerDay, int concurrency,
                       OptionalDouble latencyTargetSeconds, Optional<MeasuredRun> measured) {

    public Workload {
        requireNonNull(shape, "shape is null");
        requireNonNull(latencyTargetSeconds, "latencyTargetSeconds is null");
        requireNonNull(measured, "measured is null");
        if (scannedBytes < 0 || runsPerDay <= 0 || concurrency < 1) {
            throw new IllegalArgumentException("bad workload: bytes " + scannedBytes + ", runs/day " + runsPerDay
                    + ", concurrency " + concurrency);
        }
    }
}
