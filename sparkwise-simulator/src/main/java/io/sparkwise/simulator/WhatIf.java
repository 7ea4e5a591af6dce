package io.sparkwise.simulator;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Replays of one application on several clusters, with the self-check on the cluster it ran on.
 *
 * @param asRun the log's own cluster
 * @param selfCheck empty when the log does not say which executors ran (no executor events)
 * @param options one result per cluster asked for, in the order asked
 * @param unboundedWallTimeMs the replay with a slot for every task at once: no cluster gets below it
 *     (driver time, job gaps and the longest task of each stage on the critical path)
 * @param knee index in {@code options} of the knee: the smallest cluster within
 *     {@link #KNEE_TOLERANCE} of the fastest option's wall time; more executors than that buy little
 */
public record WhatIf(String applicationId, String applicationName, ClusterShape asRun, Optional<SelfCheck> selfCheck,
                     List<SimulationResult> options, long unboundedWallTimeMs, OptionalInt knee) {

    /** Wall time within 10% of the best option counts as "as fast". */
    public static final double KNEE_TOLERANCE = 0.10;

    public WhatIf {
        requireNonNull(applicationId, "applicationId is null");
        requireNonNull(applicationName, "applicationName is null");
        requireNonNull(asRun, "asRun is null");
        requireNonNull(selfCheck, "selfCheck is null");
        options = List.copyOf(options);
        requireNonNull(knee, "knee is null");
    }

    /**
     * The knee of {@code options}: of those within {@link #KNEE_TOLERANCE} of the fastest wall
     * time, the one with the fewest allocated core-hours (ties: fewer executors).
     */
    static OptionalInt knee(List<SimulationResult> options) {
        long best = options.stream().mapToLong(SimulationResult::predictedWallTimeMs).min().orElse(0);
        int knee = -1;
        for (int i = 0; i < options.size(); i++) {
            SimulationResult r = options.get(i);
            if (r.predictedWallTimeMs() > best * (1 + KNEE_TOLERANCE)) {
                continue;
            }
            if (knee < 0 || r.allocatedCoreMs() < options.get(knee).allocatedCoreMs()
                    || (r.allocatedCoreMs() == options.get(knee).allocatedCoreMs()
                        && r.option().executors() < options.get(knee).option().executors())) {
                knee = i;
            }
        }
        return knee < 0 ? OptionalInt.empty() : OptionalInt.of(knee);
    }
}
