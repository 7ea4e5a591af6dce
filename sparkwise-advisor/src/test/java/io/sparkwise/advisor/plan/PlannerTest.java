package io.sparkwise.advisor.plan;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden plans, one per cluster manager, every number computed by hand in the comments. */
class PlannerTest {

    private static final long GIB = 1L << 30;
    private static final PriceCatalog CATALOG = PriceCatalog.shipped();
    private final Planner planner = new Planner();

    @Test
    void plan_yarnM6i4xlarge500GB_fillsNodeWithThreeFiveCoreExecutors() {
        // m6i.4xlarge: 16 cores, 65536 MiB (4 x m6i.xlarge). Reserve 1 core + 1024 MiB -> 15 cores, 64512 MiB.
        // cores 2..5 used: 14, 15, 12, 15 -> 5 (larger on a tie); 3 per node; container 64512 / 3 = 21504;
        // heap floor512(21504 / 1.1 = 19549) = 19456 (19g); overhead floor(0.1 x 19456) = 1945.
        // 500 GiB = 512000 MiB / 128 = 4000 partitions; 4000 / 3 = 1334 cores / 5 = 267 executors; ceil(268 / 3) = 90 nodes.
        Plan plan = planner.plan(described(500, Workload.ETL, TargetClusterManager.YARN,
                NodeShape.of(CATALOG.instance(Optional.empty(), "m6i.4xlarge")), OptionalInt.empty(), false, false));

        assertThat(plan.executorCores()).isEqualTo(5);
        assertThat(plan.executorsPerNode()).isEqualTo(3);
        assertThat(plan.executorHeapMib()).isEqualTo(19456);
        assertThat(plan.executorOverheadMib()).isEqualTo(1945);
        assertThat(plan.inputPartitions()).isEqualTo(4000);
        assertThat(plan.shufflePartitions()).isEqualTo(4000);
        assertThat(plan.executors()).isEqualTo(267);
        assertThat(plan.nodes()).isEqualTo(90);
        assertThat(plan.conf()).containsExactlyEntriesOf(ordered(
                "spark.executor.cores", "5", "spark.executor.memory", "19g", "spark.executor.memoryOverhead", "1945m",
                "spark.driver.cores", "5", "spark.driver.memory", "19g", "spark.driver.memoryOverhead", "1945m",
                "spark.sql.shuffle.partitions", "4000", "spark.sql.adaptive.enabled", "true",
                "spark.sql.adaptive.coalescePartitions.enabled", "true", "spark.dynamicAllocation.enabled", "true",
                "spark.dynamicAllocation.shuffleTracking.enabled", "true", "spark.dynamicAllocation.maxExecutors", "267"));
        // unified (19456 - 300) x 0.6 = 11493; storage 5746; per task 11493 / 10 = 1149 to 11493 / 5 = 2298
        assertThat(line(plan, "unified memory").value()).isEqualTo("11493 MiB per executor");
        assertThat(line(plan, "storage memory").value()).isEqualTo("5746 MiB safe from eviction");
        assertThat(line(plan, "execution memory per task").value()).isEqualTo("1149 MiB to 2298 MiB");
        assertThat(line(plan, "YARN container").why()).isEqualTo("yarn.nodemanager.resource.memory-mb >= 64203 and "
                + "yarn.nodemanager.resource.cpu-vcores >= 15; yarn.scheduler.maximum-allocation-mb >= 21401");
        assertThat(line(plan, "node").why()).contains("derived: 4 x m6i.xlarge 0.192", "estimated");
    }

    @Test
    void plan_kubernetesPySparkFourNodes_usesGkeReserveAndOverheadFactor040() {
        // 16 cores, 64 GiB. GKE memory reserve: 4x.25 + 4x.2 + 8x.1 + 48x.06 = 5.48 GiB = 5611.52 -> 5612 + 100 = 5712 MiB;
        // usable 65536 - 5712 = 59824. CPU reserve .06 + .01 + 2x.005 + 12x.0025 = 0.11 -> 15.89 cores -> 5 cores, 3 per node.
        // container 59824 / 3 = 19941; heap floor512(19941 / 1.4 = 14243) = 13824; overhead floor(0.4 x 13824) = 5529.
        // 100 GiB -> 800 partitions; 4 nodes x 3 - 1 driver slot = 11 executors.
        Plan plan = planner.plan(described(100, Workload.SQL, TargetClusterManager.KUBERNETES,
                new NodeShape("16 cores, 64 GiB", 16, 65536, Optional.empty()), OptionalInt.of(4), false, true));

        assertThat(line(plan, "node reserve").value()).isEqualTo("0.11 cores, 5712 MiB");
        assertThat(line(plan, "usable per node").value()).isEqualTo("15.89 cores, 59824 MiB");
        assertThat(plan.executorCores()).isEqualTo(5);
        assertThat(plan.executorHeapMib()).isEqualTo(13824);
        assertThat(plan.executorOverheadMib()).isEqualTo(5529);
        assertThat(plan.executors()).isEqualTo(11);
        assertThat(plan.nodes()).isEqualTo(4);
        assertThat(plan.shufflePartitions()).isEqualTo(800);
        assertThat(plan.conf()).containsEntry("spark.executor.memory", "13824m").containsEntry("spark.executor.memoryOverhead", "5529m");
        assertThat(line(plan, "pod").value()).isEqualTo("requests = limits: memory 19353 MiB, cpu 5");
        assertThat(line(plan, "executors").why()).isEqualTo("4 nodes x 3 per node - 1 slot for the driver");
    }

    @Test
    void plan_standaloneEightCoreNode_prefersThreeCoreExecutorsOverSingleCore() {
        // 8 cores, 32 GiB: usable 7 cores, 31744 MiB. cores 2..5 use 6, 6, 4, 5 -> 3 (larger on the tie), 2 per node.
        // container 15872; heap floor512(14429) = 14336 (14g); overhead 1433. 10 GiB -> 80 partitions;
        // 80 / 3 = 27 cores / 3 = 9 executors; ceil(10 / 2) = 5 nodes.
        Plan plan = planner.plan(described(10, Workload.ETL, TargetClusterManager.STANDALONE,
                new NodeShape("8 cores, 32 GiB", 8, 32768, Optional.empty()), OptionalInt.empty(), false, false));

        assertThat(plan.executorCores()).isEqualTo(3);
        assertThat(plan.executorsPerNode()).isEqualTo(2);
        assertThat(plan.executorHeapMib()).isEqualTo(14336);
        assertThat(plan.executorOverheadMib()).isEqualTo(1433);
        assertThat(plan.executors()).isEqualTo(9);
        assertThat(plan.nodes()).isEqualTo(5);
        assertThat(line(plan, "worker").value()).isEqualTo("SPARK_WORKER_CORES=7, SPARK_WORKER_MEMORY=31744m");
    }

    @Test
    void plan_databricksMlSpot_oneExecutorPerWorkerAndDecommissioning() {
        // i3.xlarge: 4 cores. 200 GiB -> 1600 partitions; 1600 / 3 = 534 cores / 4 = 134 executors = 134 workers.
        Plan plan = planner.plan(described(200, Workload.ML, TargetClusterManager.DATABRICKS,
                NodeShape.of(CATALOG.instance(Optional.of("aws"), "i3.xlarge")), OptionalInt.empty(), true, false));

        assertThat(plan.executorCores()).isEqualTo(4);
        assertThat(plan.executors()).isEqualTo(134);
        assertThat(plan.nodes()).isEqualTo(134);
        assertThat(plan.conf()).containsExactlyEntriesOf(ordered(
                "spark.sql.shuffle.partitions", "1600", "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
                "spark.decommission.enabled", "true", "spark.storage.decommission.enabled", "true",
                "spark.storage.decommission.shuffleBlocks.enabled", "true", "spark.storage.decommission.rddBlocks.enabled", "true"));
        assertThat(line(plan, "nodes").value()).isEqualTo("134 workers + 1 driver node");
    }

    @Test
    void plan_dataprocN2Standard4OneGB_oneThreeCoreExecutor() {
        // n2-standard-4: 4 cores, 16 GiB; usable 3 cores, 15360 MiB -> 3 cores, 1 per node; heap floor512(13963) = 13824.
        // 1 GiB -> 8 partitions; ceil(8 / 3) = 3 cores -> 1 executor; ceil(2 / 1) = 2 nodes.
        Plan plan = planner.plan(described(1, Workload.SQL, TargetClusterManager.DATAPROC,
                NodeShape.of(CATALOG.instance(Optional.of("gcp"), "n2-standard-4")), OptionalInt.empty(), false, false));

        assertThat(plan.executorCores()).isEqualTo(3);
        assertThat(plan.executorHeapMib()).isEqualTo(13824);
        assertThat(plan.executorOverheadMib()).isEqualTo(1382);
        assertThat(plan.inputPartitions()).isEqualTo(8);
        assertThat(plan.executors()).isEqualTo(1);
        assertThat(plan.nodes()).isEqualTo(2);
    }

    @Test
    void plan_emrWithMemoryNeed_fewerExecutorsPerNodeWhenMemoryBound() {
        // m5.xlarge: 4 cores, 16 GiB; usable 3 cores, 15360 MiB. Need 3420 MiB unified memory per running task:
        // c=2: heap ceil512(300 + 2 x 3420 / 0.6 = 11700) = 11776, overhead 1177, container 12953 -> 1 per node, 2 cores used;
        // c=3: heap ceil512(17400) = 17408 -> container 19148 > 15360 -> 0. So 2 cores, 1 idle core noted.
        PlanRequest request = described(50, Workload.ETL, TargetClusterManager.EMR,
                NodeShape.of(CATALOG.instance(Optional.of("aws"), "m5.xlarge")), OptionalInt.of(3), false, false)
                .withEvidence(OptionalLong.of(3 * GIB), Optional.of(new MemoryNeed(3420, 0, "peak 3420 MiB per task")),
                        OptionalInt.empty());

        Plan plan = planner.plan(request);

        assertThat(plan.executorCores()).isEqualTo(2);
        assertThat(plan.executorsPerNode()).isEqualTo(1);
        assertThat(plan.executorHeapMib()).isEqualTo(11776);
        assertThat(plan.executorOverheadMib()).isEqualTo(1177);
        assertThat(plan.executors()).isEqualTo(2);
        // 3 GiB shuffle = 3072 MiB / 128 = 24 shuffle partitions
        assertThat(plan.shufflePartitions()).isEqualTo(24);
        assertThat(plan.notes()).contains("memory-bound: 1 of 3 usable cores per node stay idle; a node type with more memory "
                + "per core fits this job better");
    }

    @Test
    void plan_pastRunNeedingLittleMemory_keepsSparksDefaultOfOneGiBPerCore() {
        // 10 MiB per task: 300 + 3 x 10 / 0.6 = 350 MiB, below 3 x 1024 = 3072 MiB, so 3072 (3g).
        PlanRequest request = described(1, Workload.SQL, TargetClusterManager.YARN,
                new NodeShape("n", 4, 16384, Optional.empty()), OptionalInt.empty(), false, false)
                .withEvidence(OptionalLong.empty(), Optional.of(new MemoryNeed(10, 0, "tiny")), OptionalInt.empty());

        Plan plan = planner.plan(request);

        assertThat(plan.executorCores()).isEqualTo(3);
        assertThat(plan.executorHeapMib()).isEqualTo(3072);
        assertThat(plan.conf()).containsEntry("spark.executor.memory", "3g");
    }

    @Test
    void plan_deadlineWithoutPastRun_saysItIsNotUsed() {
        Plan plan = planner.plan(PlanRequest.described(GIB, Workload.SQL, TargetClusterManager.YARN,
                new NodeShape("n", 16, 65536, Optional.empty()), OptionalInt.empty(), Optional.of(Duration.ofHours(1)), false, false));

        assertThat(plan.notes()).containsExactly("deadline 1h not used: no executor count from the simulator (it needs a past "
                + "run, plan --from-log LOG --deadline ..., and a deadline more executors can meet); this plan sizes for parallelism only");
    }

    @Test
    void plan_nodeWithOneCore_isTooSmall() {
        assertThatThrownBy(() -> planner.plan(described(1, Workload.SQL, TargetClusterManager.YARN,
                new NodeShape("tiny", 1, 4096, Optional.empty()), OptionalInt.empty(), false, false)))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("node too small for one executor: tiny (1 cores, 4096 MiB) on yarn: after the node reserve it offers 0 cores and 3 GiB");
    }

    @Test
    void plan_nodeWithTooLittleMemory_isTooSmall() {
        assertThatThrownBy(() -> planner.plan(described(1, Workload.SQL, TargetClusterManager.YARN,
                new NodeShape("small", 4, 1800, Optional.empty()), OptionalInt.empty(), false, false)))
                .hasMessage("node too small for one executor: small (4 cores, 1800 MiB) on yarn: after the node reserve it offers 3 cores and 776 MiB");
    }

    @Test
    void plan_oneNodeOneSlot_leavesNoRoomBesidesTheDriver() {
        assertThatThrownBy(() -> planner.plan(described(1, Workload.SQL, TargetClusterManager.YARN,
                new NodeShape("n", 4, 16384, Optional.empty()), OptionalInt.of(1), false, false)))
                .hasMessage("cluster too small: 1 node(s) x 1 executor slot(s) leave no room for an executor besides the driver");
    }

    @Test
    void plan_everyLineExplained() {
        Plan plan = planner.plan(described(500, Workload.ETL, TargetClusterManager.YARN,
                new NodeShape("n", 16, 65536, Optional.empty()), OptionalInt.empty(), true, true));

        assertThat(plan.lines()).allSatisfy(l -> assertThat(l.why()).as(l.topic()).isNotBlank());
        assertThat(plan.lines()).extracting(PlanLine::topic).contains("executor cores", "executor heap", "memory overhead",
                "off-heap memory", "PySpark memory", "executors per node", "YARN container", "unified memory",
                "execution memory per task", "driver", "input partitions", "shuffle partitions", "AQE", "dynamic allocation", "spot");
    }

    static PlanRequest described(long gib, Workload workload, TargetClusterManager manager, NodeShape node, OptionalInt nodes,
                                 boolean spot, boolean pyspark) {
        return PlanRequest.described(gib * GIB, workload, manager, node, nodes, Optional.empty(), spot, pyspark);
    }

    static PlanLine line(Plan plan, String topic) {
        return plan.lines().stream().filter(l -> l.topic().equals(topic)).findFirst().orElseThrow(() -> new AssertionError("no line " + topic));
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
