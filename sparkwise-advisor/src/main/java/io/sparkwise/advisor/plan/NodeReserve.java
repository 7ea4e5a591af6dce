package io.sparkwise.advisor.plan;

import java.util.Locale;

/**
 * What a node keeps for its operating system and daemons before executors get anything.
 *
 * <ul>
 * <li>YARN, EMR, Dataproc, standalone: 1 core and 1 GiB (the heuristic of Cloudera's "How-to: Tune
 * Your Apache Spark Jobs (Part 2)": leave that for the OS and the NodeManager/worker daemons).</li>
 * <li>Kubernetes: GKE's allocatable formula (cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes):
 * memory 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above
 * 128 GiB, plus 100 MiB eviction threshold; CPU 6% of the first core, 1% of the next, 0.5% of the
 * next 2, 0.25% above 4.</li>
 * <li>Databricks: the platform sizes the executor on each worker itself; nothing to compute.</li>
 * </ul>
 */
record NodeReserve(double cores, long memoryMib, String why) {

    static NodeReserve of(TargetClusterManager manager, NodeShape node) {
        return switch (manager) {
            case KUBERNETES -> kubernetes(node);
            case DATABRICKS -> new NodeReserve(0, 0, "Databricks sizes the executor on each worker node itself");
            default -> new NodeReserve(1, 1024, "1 core and 1 GiB for the OS and the node's daemons "
                    + "(heuristic from Cloudera's \"How-to: Tune Your Apache Spark Jobs (Part 2)\")");
        };
    }

    private static NodeReserve kubernetes(NodeShape node) {
        double gib = node.memoryMib() / 1024.0;
        double reservedGib = tier(gib, 0, 4, 0.25) + tier(gib, 4, 8, 0.20) + tier(gib, 8, 16, 0.10)
                + tier(gib, 16, 128, 0.06) + tier(gib, 128, Double.MAX_VALUE, 0.02);
        long memory = (long) Math.ceil(reservedGib * 1024) + 100;
        double c = node.cores();
        double cores = tier(c, 0, 1, 0.06) + tier(c, 1, 2, 0.01) + tier(c, 2, 4, 0.005) + tier(c, 4, Double.MAX_VALUE, 0.0025);
        return new NodeReserve(cores, memory, String.format(Locale.ROOT,
                "GKE allocatable formula: %d MiB kube/system reserve + 100 MiB eviction threshold, %.3f cores "
                        + "(cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes)", memory - 100, cores));
    }

    /** The part of {@code amount} between {@code from} and {@code to}, times {@code rate}. */
    private static double tier(double amount, double from, double to, double rate) {
        return Math.max(0, Math.min(amount, to) - from) * rate;
    }
}
