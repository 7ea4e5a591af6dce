package io.sparkwise.advisor.plan;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What to plan for.
 *
 * @param inputBytes data read by the application (Spark's binary units: 1 GB = 1024 MB)
 * @param shuffleBytes the largest shuffle of a past run, when planning from a log
 * @param nodes a fixed number of worker nodes, when the cluster size is given
 * @param memoryNeed executor memory a past run needed; empty: executors fill the node
 * @param executorsForDeadline executors the simulator found to meet the deadline, when known
 */
public record PlanRequest(long inputBytes, OptionalLong shuffleBytes, Workload workload, TargetClusterManager clusterManager,
                          NodeShape node, OptionalInt nodes, Optional<Duration> deadline, boolean spot, boolean pyspark,
                          Optional<MemoryNeed> memoryNeed, OptionalInt executorsForDeadline) {

    public PlanRequest {
        requireNonNull(shuffleBytes, "shuffleBytes is null");
        requireNonNull(workload, "workload is null");
        requireNonNull(clusterManager, "clusterManager is null");
        requireNonNull(node, "node is null");
        requireNonNull(nodes, "nodes is null");
        requireNonNull(deadline, "deadline is null");
        requireNonNull(memoryNeed, "memoryNeed is null");
        requireNonNull(executorsForDeadline, "executorsForDeadline is null");
        if (inputBytes < 0) {
            throw new IllegalArgumentException("input size is negative: " + inputBytes);
        }
    }

    /** A plan from a workload description: no past run. */
    public static PlanRequest described(long inputBytes, Workload workload, TargetClusterManager clusterManager, NodeShape node,
                                        OptionalInt nodes, Optional<Duration> deadline, boolean spot, boolean pyspark) {
        return new PlanRequest(inputBytes, OptionalLong.empty(), workload, clusterManager, node, nodes, deadline, spot, pyspark,
                Optional.empty(), OptionalInt.empty());
    }

    public PlanRequest withEvidence(OptionalLong shuffleBytes, Optional<MemoryNeed> memoryNeed, OptionalInt executorsForDeadline) {
        return new PlanRequest(inputBytes, shuffleBytes, workload, clusterManager, node, nodes, deadline, spot, pyspark,
                memoryNeed, executorsForDeadline);
    }
}
