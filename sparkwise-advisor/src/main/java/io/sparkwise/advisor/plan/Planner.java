package io.sparkwise.advisor.plan;

import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes a sizing plan. Every number is one {@link PlanLine} whose text gives the formula with
 * the numbers put in; docs/advisor.md ("Plan") lists the formulas and their sources.
 */
public final class Planner {

    /** Executor cores are capped at 5: the YARN/HDFS-client throughput heuristic (spark-facts.md; not in Spark's docs). */
    static final int MAX_EXECUTOR_CORES = 5;
    /**
     * At least 2 cores per executor when the node has them: single-core executors repeat the JVM's fixed
     * memory and every broadcast per core (Cloudera's "How-to: Tune Your Apache Spark Jobs (Part 2)", "tiny executors").
     */
    static final int MIN_EXECUTOR_CORES = 2;
    /** Spark refuses an executor heap below 1.5 x the 300 MiB reserved memory (UnifiedMemoryManager). */
    static final long MIN_HEAP_MIB = 450;
    /** Overhead factor for PySpark: Spark's Kubernetes default for non-JVM jobs (running-on-kubernetes.html). */
    static final double PYSPARK_OVERHEAD_FACTOR = 0.40;
    /** Heap floor per core when sizing from a past run: Spark's own defaults, 1g heap for 1 core (spark.executor.memory, spark.executor.cores on YARN/K8s). */
    static final long DEFAULT_HEAP_MIB_PER_CORE = SparkDefaults.EXECUTOR_MEMORY >> 20;
    /** Tasks per core from Spark's tuning guide ("2-3 tasks per CPU core"); 3 sizes the cluster for the fewest cores. */
    static final int TASKS_PER_CORE = 3;
    static final long PARTITION_MIB = SparkDefaults.MAX_PARTITION_BYTES >> 20;
    private static final long RESERVED_MIB = SparkDefaults.RESERVED_SYSTEM_MEMORY >> 20;
    private static final long MIN_OVERHEAD_MIB = SparkDefaults.MIN_MEMORY_OVERHEAD >> 20;
    private static final long ROUND_MIB = 512;

    public Plan plan(PlanRequest request) {
        return new Computation(request).run();
    }

    private static final class Computation {
        private final PlanRequest r;
        private final List<PlanLine> lines = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> conf = new LinkedHashMap<>();
        private final double overheadFactor;

        Computation(PlanRequest request) {
            this.r = request;
            this.overheadFactor = request.pyspark() ? PYSPARK_OVERHEAD_FACTOR : SparkDefaults.MEMORY_OVERHEAD_FACTOR;
        }

        Plan run() {
            NodeShape node = r.node();
            line("node", node.description() + ": " + node.cores() + " cores, " + mib(node.memoryMib()),
                    node.instance().map(i -> "instance type from the price catalog (" + i.onDemandPerHour().citation()
                            + i.onDemandPerHour().note().map(n -> "; " + n).orElse("") + ")")
                            .orElse("given with --node-cores/--node-memory"));
            NodeReserve reserve = NodeReserve.of(r.clusterManager(), node);
            double usableCores = node.cores() - reserve.cores();
            long usableMib = node.memoryMib() - reserve.memoryMib();
            line("node reserve", fmt(reserve.cores()) + " cores, " + mib(reserve.memoryMib()), reserve.why());
            if (usableCores < 1 || usableMib < MIN_HEAP_MIB + MIN_OVERHEAD_MIB) {
                throw tooSmall(String.format(Locale.ROOT, "after the node reserve it offers %s cores and %s", fmt(usableCores), mib(usableMib)));
            }
            line("usable per node", fmt(usableCores) + " cores, " + mib(usableMib),
                    node.cores() + " - " + fmt(reserve.cores()) + " cores, " + node.memoryMib() + " - " + reserve.memoryMib() + " MiB");
            return r.clusterManager() == TargetClusterManager.DATABRICKS
                    ? databricks(node) : containers(usableCores, usableMib);
        }

        private Plan containers(double usableCores, long usableMib) {
            Layout layout = r.memoryNeed().isPresent() ? layoutForNeed(usableCores, usableMib) : layoutFillingNode(usableCores, usableMib);
            int c = layout.cores;
            line("executor cores", String.valueOf(c), layout.coresWhy);
            line("executors per node", String.valueOf(layout.perNode), layout.perNodeWhy);
            line("executor heap", mib(layout.heap) + " (spark.executor.memory)", layout.heapWhy);
            line("memory overhead", mib(layout.overhead) + " (spark.executor.memoryOverhead)", String.format(Locale.ROOT,
                    "max(%s x heap = %d MiB, %d MiB minimum)%s%s", fmt(overheadFactor), (long) (overheadFactor * layout.heap),
                    MIN_OVERHEAD_MIB, r.pyspark() ? "; factor 0.40 because PySpark workers live outside the JVM heap "
                            + "(Spark's Kubernetes default for non-JVM jobs, running-on-kubernetes.html)" : " (configuration.html)",
                    layout.overheadFromLog ? "; raised to what the past run's RSS showed" : ""));
            line("off-heap memory", "0", "spark.memory.offHeap.enabled is false by default; the plan does not turn it on");
            line("PySpark memory", "0 (not set)", r.pyspark()
                    ? "Python workers use the overhead (factor 0.40 above) instead of a separate spark.executor.pyspark.memory"
                    : "not a PySpark job");
            long container = layout.heap + layout.overhead;
            line("container", mib(container) + " per executor", String.format(Locale.ROOT,
                    "heap %d + overhead %d MiB; %d per node use %d of %d MiB and %d of %s cores", layout.heap, layout.overhead,
                    layout.perNode, container * layout.perNode, usableMib, c * layout.perNode, fmt(usableCores)));
            fitLine(container, c, usableCores, usableMib, layout.perNode);
            unifiedMemoryLines(layout.heap, c);

            int driverCores = c;
            line("driver", c + " cores, heap " + mib(layout.heap) + ", overhead " + mib(layout.overhead),
                    "one executor slot, so the driver fits wherever an executor fits (cluster deploy mode)");
            Partitions partitions = partitions();
            Count count = executors(c, layout.perNode, partitions, true);

            conf.put("spark.executor.cores", String.valueOf(c));
            conf.put("spark.executor.memory", SparkSizes.format(layout.heap << 20));
            conf.put("spark.executor.memoryOverhead", layout.overhead + "m");
            conf.put("spark.driver.cores", String.valueOf(driverCores));
            conf.put("spark.driver.memory", SparkSizes.format(layout.heap << 20));
            conf.put("spark.driver.memoryOverhead", layout.overhead + "m");
            commonSettings(partitions, count, true);
            validate(usableCores, usableMib);
            return new Plan(r, c, layout.heap, layout.overhead, layout.perNode, count.executors, count.nodes, driverCores,
                    layout.heap, layout.overhead, partitions.input, partitions.shuffle, conf, lines, notes);
        }

        private Plan databricks(NodeShape node) {
            int c = node.cores();
            line("executor cores", String.valueOf(c), "Databricks runs one executor per worker node with all its cores");
            line("executor memory", "set by Databricks", "Databricks sizes the executor heap from the worker's memory; "
                    + "a memory-optimized node type is the way to give executors more");
            Partitions partitions = partitions();
            Count count = executors(c, 1, partitions, false);
            line("driver", "a separate driver node", "Databricks clusters have a dedicated driver node");
            commonSettings(partitions, count, false);
            return new Plan(r, c, 0, 0, 1, count.executors, count.nodes, 0, 0, 0, partitions.input, partitions.shuffle,
                    conf, lines, notes);
        }

        /** Executors fill the node: the most cores in use, then memory split evenly. */
        private Layout layoutFillingNode(double usableCores, long usableMib) {
            int c = bestCores(usableCores, usableMib, 0);
            int perNode = (int) Math.floor(usableCores / c);
            long container = usableMib / perNode;
            long heap = floorTo(container / (1 + overheadFactor));
            if (heap * overheadFactor < MIN_OVERHEAD_MIB) {
                heap = floorTo(container - MIN_OVERHEAD_MIB);
            }
            if (heap < MIN_HEAP_MIB) {
                throw tooSmall(String.format(Locale.ROOT, "a %d MiB container leaves a %d MiB heap, below Spark's %d MiB minimum "
                        + "(1.5 x the 300 MiB reserved memory)", container, heap, MIN_HEAP_MIB));
            }
            long overhead = Math.max((long) (heap * overheadFactor), MIN_OVERHEAD_MIB);
            return new Layout(c, perNode, heap, overhead, false,
                    coresWhy(c, usableCores),
                    String.format(Locale.ROOT, "floor(%s usable cores / %d)", fmt(usableCores), c),
                    String.format(Locale.ROOT, "container = %d MiB / %d executors = %d MiB; heap = container / (1 + %s) "
                            + "rounded down to %d MiB", usableMib, perNode, container, fmt(overheadFactor), ROUND_MIB));
        }

        /** Executors sized by what the past run needed per core; fewer per node when memory runs out first. */
        private Layout layoutForNeed(double usableCores, long usableMib) {
            MemoryNeed need = r.memoryNeed().orElseThrow();
            int c = bestCores(usableCores, usableMib, 1);
            long heap = heapForNeed(need, c);
            long needOverhead = (long) Math.ceil(need.overheadMibPerCore() * c);
            long overhead = Math.max(Math.max((long) (heap * overheadFactor), MIN_OVERHEAD_MIB), needOverhead);
            long container = heap + overhead;
            int byCores = (int) Math.floor(usableCores / c);
            int byMemory = (int) (usableMib / container);
            if (byMemory < 1) {
                throw tooSmall(String.format(Locale.ROOT, "the past run needs a %d MiB container for %d cores, the node offers %d MiB",
                        container, c, usableMib));
            }
            int perNode = Math.min(byCores, byMemory);
            int idle = (int) Math.floor(usableCores) - perNode * c;
            if (idle > 0) {
                notes.add(String.format(Locale.ROOT, "memory-bound: %d of %s usable cores per node stay idle; a node type "
                        + "with more memory per core fits this job better", idle, fmt(usableCores)));
            }
            return new Layout(c, perNode, heap, overhead, needOverhead > Math.max((long) (heap * overheadFactor), MIN_OVERHEAD_MIB),
                    coresWhy(c, usableCores),
                    String.format(Locale.ROOT, "min(floor(%s cores / %d) = %d, floor(%d MiB / %d MiB container) = %d)",
                            fmt(usableCores), c, byCores, usableMib, container, byMemory),
                    String.format(Locale.ROOT, "%s; heap = max(%d cores x 1 GiB (Spark's default 1g per core), "
                            + "300 MiB + %d cores x %s MiB / 0.6) rounded up to %d MiB", need.why(), c, c,
                            fmt(Math.round(need.unifiedMibPerCore())), ROUND_MIB));
        }

        private static long heapForNeed(MemoryNeed need, int c) {
            double byUse = RESERVED_MIB + need.unifiedMibPerCore() * c / SparkDefaults.MEMORY_FRACTION;
            return ceilTo(Math.max(DEFAULT_HEAP_MIB_PER_CORE * c, byUse));
        }

        /**
         * Cores per executor (2..5) that put the most node cores to work, the larger on a tie. With a
         * memory need ({@code byNeed} = 1) an executor's memory grows with its cores, so memory limits the count too.
         */
        private int bestCores(double usableCores, long usableMib, int byNeed) {
            int best = 1;
            long bestUsed = -1;
            int most = Math.min(MAX_EXECUTOR_CORES, (int) Math.floor(usableCores));
            for (int c = Math.min(MIN_EXECUTOR_CORES, most); c <= most; c++) {
                long perNode = (long) Math.floor(usableCores / c);
                if (byNeed == 1) {
                    MemoryNeed need = r.memoryNeed().orElseThrow();
                    long heap = heapForNeed(need, c);
                    long overhead = Math.max(Math.max((long) (heap * overheadFactor), MIN_OVERHEAD_MIB),
                            (long) Math.ceil(need.overheadMibPerCore() * c));
                    perNode = Math.min(perNode, usableMib / (heap + overhead));
                }
                long used = perNode * c;
                if (used >= bestUsed) {
                    best = c;
                    bestUsed = used;
                }
            }
            return best;
        }

        private String coresWhy(int c, double usableCores) {
            return String.format(Locale.ROOT, "of %d..%d cores per executor, %d keeps the most of the %s usable cores busy, the larger on a tie "
                    + "(cap 5: YARN/HDFS-client throughput heuristic, spark-facts.md; at least 2: no single-core executors)", MIN_EXECUTOR_CORES, MAX_EXECUTOR_CORES, c, fmt(usableCores));
        }

        private void fitLine(long container, int c, double usableCores, long usableMib, int perNode) {
            switch (r.clusterManager()) {
                case KUBERNETES -> line("pod", "requests = limits: memory " + mib(container) + ", cpu " + c,
                        "Spark sets the executor pod's memory to heap + overhead (running-on-kubernetes.html); "
                                + perNode + " pods fit the node's allocatable " + mib(usableMib) + " / " + fmt(usableCores) + " cores");
                case STANDALONE -> line("worker", "SPARK_WORKER_CORES=" + (int) Math.floor(usableCores) + ", SPARK_WORKER_MEMORY="
                        + usableMib + "m", "what the standalone worker offers; executors take heap only, overhead must fit in the reserve");
                default -> line("YARN container", mib(container) + ", " + c + " vcores",
                        "yarn.nodemanager.resource.memory-mb >= " + (container * perNode) + " and yarn.nodemanager.resource.cpu-vcores >= "
                                + (c * perNode) + "; yarn.scheduler.maximum-allocation-mb >= " + container);
            }
        }

        private void unifiedMemoryLines(long heap, int c) {
            long unified = (long) ((heap - RESERVED_MIB) * SparkDefaults.MEMORY_FRACTION);
            long storage = (long) (unified * SparkDefaults.MEMORY_STORAGE_FRACTION);
            line("unified memory", mib(unified) + " per executor", String.format(Locale.ROOT,
                    "(heap %d - 300 MiB reserved) x spark.memory.fraction 0.6 (tuning.html, UnifiedMemoryManager)", heap));
            line("storage memory", mib(storage) + " safe from eviction",
                    "unified x spark.memory.storageFraction 0.5; execution may borrow the rest of it");
            line("execution memory per task", mib(unified / (2L * c)) + " to " + mib(unified / c),
                    String.format(Locale.ROOT, "each of %d running tasks gets between unified/(2 x %d) and unified/%d (ExecutionMemoryPool)", c, c, c));
        }

        private Partitions partitions() {
            long inputMib = (r.inputBytes() + (1 << 20) - 1) >> 20;
            long input = Math.max(1, ceilDiv(inputMib, PARTITION_MIB));
            line("input partitions", String.valueOf(input), String.format(Locale.ROOT,
                    "%s / spark.sql.files.maxPartitionBytes 128 MiB = ceil(%d MiB / 128)", SparkSizes.human(r.inputBytes()), inputMib));
            long shuffle;
            if (r.shuffleBytes().isPresent()) {
                long shuffleMib = (r.shuffleBytes().getAsLong() + (1 << 20) - 1) >> 20;
                shuffle = Math.max(1, ceilDiv(shuffleMib, PARTITION_MIB));
                line("shuffle partitions", shuffle + " (spark.sql.shuffle.partitions)", String.format(Locale.ROOT,
                        "largest shuffle of the past run %s / 128 MiB per task; AQE coalesces small ones to 64 MiB",
                        SparkSizes.human(r.shuffleBytes().getAsLong())));
            } else {
                shuffle = input;
                line("shuffle partitions", shuffle + " (spark.sql.shuffle.partitions)",
                        "data size GB x 1024 / 128 MB, as for input (default 200 is too few past ~25 GB); AQE coalesces small ones to 64 MiB");
            }
            return new Partitions(input, shuffle);
        }

        private Count executors(int c, int perNode, Partitions partitions, boolean driverTakesSlot) {
            int slotForDriver = driverTakesSlot ? 1 : 0;
            int executors;
            int nodes;
            if (r.executorsForDeadline().isPresent()) {
                executors = r.executorsForDeadline().getAsInt();
                nodes = ceilDiv(executors + slotForDriver, perNode);
                line("executors", String.valueOf(executors), "the fewest the simulator found to finish within the deadline "
                        + r.deadline().map(Planner::duration).orElse(""));
            } else if (r.nodes().isPresent()) {
                nodes = r.nodes().getAsInt();
                executors = nodes * perNode - slotForDriver;
                if (executors < 1) {
                    throw new SparkwiseException(ErrorCode.USAGE, "cluster too small: " + nodes + " node(s) x " + perNode
                            + " executor slot(s) leave no room for an executor besides the driver");
                }
                line("executors", String.valueOf(executors), nodes + " nodes x " + perNode + " per node"
                        + (driverTakesSlot ? " - 1 slot for the driver" : ""));
            } else {
                long tasks = Math.max(partitions.input, partitions.shuffle);
                long cores = ceilDiv(tasks, TASKS_PER_CORE);
                executors = (int) Math.max(1, ceilDiv(cores, c));
                nodes = ceilDiv(executors + slotForDriver, perNode);
                line("executors", String.valueOf(executors), String.format(Locale.ROOT,
                        "ceil(%d tasks / %d tasks per core (tuning.html: 2-3) = %d cores / %d cores per executor); "
                                + "an upper bound for dynamic allocation", tasks, TASKS_PER_CORE, cores, c));
            }
            line("nodes", nodes + (driverTakesSlot ? "" : " workers + 1 driver node"), driverTakesSlot
                    ? String.format(Locale.ROOT, "ceil((%d executors + 1 driver) / %d per node)", executors, perNode)
                    : executors + " executors, one per worker");
            if (r.deadline().isPresent() && r.executorsForDeadline().isEmpty()) {
                notes.add("deadline " + duration(r.deadline().get()) + " not used: no executor count from the simulator (it "
                        + "needs a past run, plan --from-log LOG --deadline ..., and a deadline more executors can meet); "
                        + "this plan sizes for parallelism only");
            }
            return new Count(executors, nodes);
        }

        private void commonSettings(Partitions partitions, Count count, boolean dynamicAllocation) {
            conf.put("spark.sql.shuffle.partitions", String.valueOf(partitions.shuffle));
            if (r.workload() != Workload.ML) {
                conf.put("spark.sql.adaptive.enabled", "true");
                conf.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
                line("AQE", "on, coalescing partitions", "default since Spark 3.2; set explicitly so shuffle partitions sized "
                        + "for the largest stage shrink to 64 MiB (advisoryPartitionSizeInBytes) for small ones");
            } else {
                conf.put("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
                line("serializer", "Kryo", "ML workloads move RDD objects; Spark's tuning guide recommends Kryo for them (tuning.html)");
            }
            if (dynamicAllocation) {
                conf.put("spark.dynamicAllocation.enabled", "true");
                conf.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
                conf.put("spark.dynamicAllocation.maxExecutors", String.valueOf(count.executors));
                line("dynamic allocation", "on, up to " + count.executors + " executors",
                        "executors released after " + SparkDefaults.EXECUTOR_IDLE_TIMEOUT_S + " s idle (executorIdleTimeout default); shuffle tracking keeps executors "
                                + "holding shuffle data (default true in Spark 4.0 config/package.scala, false in older 3.x: set explicitly)");
            } else {
                line("autoscaling", "Databricks cluster autoscaling, max " + count.executors + " workers",
                        "Databricks scales workers itself; dynamic allocation settings do not apply");
            }
            if (r.spot()) {
                conf.put("spark.decommission.enabled", "true");
                conf.put("spark.storage.decommission.enabled", "true");
                conf.put("spark.storage.decommission.shuffleBlocks.enabled", "true");
                conf.put("spark.storage.decommission.rddBlocks.enabled", "true");
                line("spot", "graceful decommissioning on",
                        "on the interruption notice executors migrate shuffle and cached blocks instead of losing them "
                                + "(spark.decommission.*, spark.storage.decommission.*); keep the driver on on-demand capacity");
            }
        }

        private void validate(double usableCores, long usableMib) {
            ConfigValidator.Result result = new ConfigValidator(new ConfigValidator.NodeLimits(usableMib << 20, (int) Math.floor(usableCores)))
                    .validate(Map.of(), conf);
            if (!result.valid()) {
                throw new IllegalStateException("plan produced inconsistent settings: " + result.problems());
            }
        }

        private void line(String topic, String value, String why) {
            lines.add(new PlanLine(topic, value, why));
        }

        private SparkwiseException tooSmall(String detail) {
            return new SparkwiseException(ErrorCode.USAGE, "node too small for one executor: " + r.node().description() + " ("
                    + r.node().cores() + " cores, " + r.node().memoryMib() + " MiB) on " + r.clusterManager().label() + ": " + detail);
        }
    }

    private record Layout(int cores, int perNode, long heap, long overhead, boolean overheadFromLog,
                          String coresWhy, String perNodeWhy, String heapWhy) {
    }

    private record Partitions(long input, long shuffle) {
    }

    private record Count(int executors, int nodes) {
    }

    static long floorTo(double mib) {
        return (long) Math.floor(mib / ROUND_MIB) * ROUND_MIB;
    }

    static long ceilTo(double mib) {
        return (long) Math.ceil(mib / ROUND_MIB) * ROUND_MIB;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static String mib(long mib) {
        return mib % 1024 == 0 ? (mib / 1024) + " GiB" : mib + " MiB";
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String duration(java.time.Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
