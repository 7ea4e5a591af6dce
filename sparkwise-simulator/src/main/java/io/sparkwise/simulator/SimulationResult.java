package io.sparkwise.simulator;

import static java.util.Objects.requireNonNull;

/**
 * What one replay of an application on one cluster predicts.
 *
 * @param option the cluster replayed on
 * @param label how to name the cluster to a reader ({@link ClusterOption#label()}, or "as run")
 * @param predictedWallTimeMs application start to end, as the History Server measures duration
 * @param executorMs sum over executors of the time each was allocated (added to removed, or to
 *     the end of the application): what a cluster bills, divided by cores
 * @param allocatedCoreMs {@code executorMs} weighted by each executor's cores
 * @param busyCoreMs task time (launch to finish) times {@code spark.task.cpus}: the work itself
 * @param driverOnlyMs time in which no task ran anywhere: driver work, job gaps, waiting for
 *     executors; the part of the run that more executors cannot shorten
 * @param peakExecutors most executors allocated at once
 * @param tasks tasks replayed (the successful tasks of every stage attempt)
 */
public record SimulationResult(
        ClusterOption option,
        String label,
        long predictedWallTimeMs,
        long executorMs,
        long allocatedCoreMs,
        long busyCoreMs,
        long driverOnlyMs,
        int peakExecutors,
        long tasks) {

    public SimulationResult {
        requireNonNull(option, "option is null");
        requireNonNull(label, "label is null");
        if (predictedWallTimeMs < 0 || executorMs < 0 || allocatedCoreMs < 0 || busyCoreMs < 0 || driverOnlyMs < 0) {
            throw new IllegalArgumentException("negative time in a simulation result");
        }
    }

    /** Busy share of the allocated cores, 0..1; 0 when nothing was allocated. */
    public double utilization() {
        return allocatedCoreMs == 0 ? 0 : Math.min(1.0, (double) busyCoreMs / allocatedCoreMs);
    }

    /** Allocated executor time in hours (the unit clusters are priced in). */
    public double executorHours() {
        return executorMs / 3_600_000.0;
    }

    /** Allocated core time in hours. */
    public double coreHours() {
        return allocatedCoreMs / 3_600_000.0;
    }

    /** Share of the wall time in which no task ran, 0..1. */
    public double driverOnlyShare() {
        return predictedWallTimeMs == 0 ? 0 : (double) driverOnlyMs / predictedWallTimeMs;
    }
}
