package io.sparkwise.advisor.cost;

/**
 * What dynamic allocation would have saved, from a simulator replay of the run.
 *
 * @param cluster the replayed cluster (e.g. "dynamic 0..8 x 4 cores")
 */
public record AutoScalingSaving(String cluster, double executorHoursAsRun, double executorHoursSimulated,
                                long wallMsAsRun, long wallMsSimulated, double dollars) {
}
