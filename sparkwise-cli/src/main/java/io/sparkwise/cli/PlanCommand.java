package io.sparkwise.cli;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.advisor.plan.DeadlineSizing;
import io.sparkwise.advisor.plan.NodeShape;
import io.sparkwise.advisor.plan.PastRun;
import io.sparkwise.advisor.plan.Plan;
import io.sparkwise.advisor.plan.PlanRequest;
import io.sparkwise.advisor.plan.Planner;
import io.sparkwise.advisor.plan.Quantities;
import io.sparkwise.advisor.plan.TargetClusterManager;
import io.sparkwise.advisor.plan.Workload;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.advisor.PlanFormat;
import io.sparkwise.report.Units;
import io.sparkwise.report.advisor.PlanRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code sparkwise plan}: executor layout, memory and partitions for a workload or a past run. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Sizes a Spark application: executor cores, heap, overhead, executors per node, unified memory per task,",
            "driver, partitions, AQE, dynamic allocation and spot settings, each line with its formula (docs/advisor.md).",
            "From a workload description (--input-size) or a past run (--from-log)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "2:usage error (bad or missing flag, node too small, unknown node type, bad catalog)",
            "3:the --from-log log cannot be read",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input-size", paramLabel = "SIZE", description = "Data the application reads, e.g. 500GB, 1.5TB (1 GB = 1024 MB).")
    String inputSize;

    @Option(names = "--from-log", paramLabel = "LOG",
            description = "Size from a past run: memory from peak executor metrics and spill, partitions from the bytes it moved.")
    String fromLog;

    @Option(names = "--workload", paramLabel = "KIND", defaultValue = "etl", description = "etl, sql or ml. Default: ${DEFAULT-VALUE}.")
    String workload;

    @Option(names = "--cluster-manager", paramLabel = "CM", defaultValue = "yarn",
            description = "yarn, kubernetes, standalone, databricks, emr or dataproc. Default: ${DEFAULT-VALUE}.")
    String clusterManager;

    @Option(names = "--node-type", paramLabel = "TYPE", description = "Instance type from the price catalog, e.g. m6i.4xlarge, n2-standard-16.")
    String nodeType;

    @Option(names = "--node-cores", paramLabel = "N", description = "Cores per node (with --node-memory, instead of --node-type).")
    Integer nodeCores;

    @Option(names = "--node-memory", paramLabel = "SIZE", description = "Memory per node, e.g. 64g.")
    String nodeMemory;

    @Option(names = "--nodes", paramLabel = "N", description = "A fixed number of worker nodes; default: as many as the data needs.")
    Integer nodes;

    @Option(names = "--deadline", paramLabel = "DURATION", description = "Finish within this time, e.g. 1h (with --from-log).")
    String deadline;

    @Option(names = "--spot", description = "Nodes are spot/preemptible: add graceful decommissioning settings.")
    boolean spot;

    @Option(names = "--pyspark", description = "A PySpark job: overhead factor 0.40 for the Python workers.")
    boolean pyspark;

    @Option(names = "--provider", paramLabel = "CLOUD", description = "aws, gcp or azure, to look up --node-type.")
    String provider;

    @Option(names = "--catalog", paramLabel = "FILE", description = "YAML price catalog overriding the shipped one (docs/advisor.md).")
    Path catalog;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, submit (spark-submit flags), conf (spark-defaults.conf), k8s (spark-operator SparkApplication) "
                    + "or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    OutputOptions out;

    @Override
    public Integer call() {
        PlanFormat planFormat = choice("--format", format, PlanFormat.class);
        if ((inputSize == null) == (fromLog == null)) {
            throw usage("give either --input-size SIZE (a workload description) or --from-log LOG (a past run)");
        }
        if (nodes != null && nodes < 1) {
            throw usage("--nodes must be at least 1, was " + nodes);
        }
        Optional<Duration> due = Optional.ofNullable(deadline).map(d -> Quantities.duration("--deadline", d));
        PlanRequest request;
        if (fromLog != null) {
            Application app = EngineSource.of(new Sparkwise()).readOne(fromLog, "plan --from-log needs one log");
            PastRun past = PastRun.of(app);
            past.notes().forEach(n -> spec.commandLine().getErr().println("sparkwise: note: " + n));
            request = PlanRequest.described(past.inputBytes(), choice("--workload", workload, Workload.class),
                            choice("--cluster-manager", clusterManager, TargetClusterManager.class), node(),
                            nodes == null ? OptionalInt.empty() : OptionalInt.of(nodes), due, spot, pyspark)
                    .withEvidence(past.largestShuffleBytes(), past.memoryNeed(), OptionalInt.empty());
            if (due.isPresent()) {
                request = forDeadline(app, request, due.get());
            }
        } else {
            request = PlanRequest.described(Quantities.bytes("--input-size", inputSize), choice("--workload", workload, Workload.class),
                    choice("--cluster-manager", clusterManager, TargetClusterManager.class), node(),
                    nodes == null ? OptionalInt.empty() : OptionalInt.of(nodes), due, spot, pyspark);
        }
        Plan plan = new Planner().plan(request);
        return out.write(spec, new PlanRenderer().render(plan, planFormat));
    }

    /** The executor count the simulator finds for the deadline, with the executor size the plan chose. */
    private PlanRequest forDeadline(Application app, PlanRequest request, Duration due) {
        Plan draft = new Planner().plan(request);
        int upperBound = Math.max(draft.executors(), 4 * Math.max(1, app.executors().size()));
        DeadlineSizing.Result found = DeadlineSizing.search(app, draft.executorCores(), due, upperBound);
        if (found.executors().isEmpty()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "sparkwise: note: the simulator predicts %s even with %d executors of %d cores: "
                    + "the deadline cannot be met by more executors; the plan keeps %d%n", Units.millis(found.wallMs()),
                    found.upperBound(), draft.executorCores(), draft.executors());
            return request;
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "sparkwise: note: the simulator predicts %s with %d executors of %d cores "
                + "(%d replays)%n", Units.millis(found.wallMs()), found.executors().getAsInt(), draft.executorCores(), found.replays());
        return request.withEvidence(request.shuffleBytes(), request.memoryNeed(), found.executors());
    }

    private NodeShape node() {
        if (nodeType != null && (nodeCores != null || nodeMemory != null)) {
            throw usage("give --node-type or --node-cores with --node-memory, not both");
        }
        if (nodeType != null) {
            return NodeShape.of(PriceCatalog.load(Optional.ofNullable(catalog)).instance(Optional.ofNullable(provider), nodeType));
        }
        if (nodeCores == null || nodeMemory == null) {
            throw usage("the plan needs the node: --node-type TYPE (e.g. m6i.4xlarge) or --node-cores N with --node-memory SIZE");
        }
        if (nodeCores < 1) {
            throw usage("--node-cores must be at least 1, was " + nodeCores);
        }
        long mib = Quantities.mib("--node-memory", nodeMemory);
        return new NodeShape(nodeCores + " cores, " + nodeMemory, nodeCores, mib, Optional.empty());
    }

    static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                known.append(known.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw usage(option + " '" + value + "' is not one of: " + known);
        }
    }

    static SparkwiseException usage(String message) {
        return new SparkwiseException(ErrorCode.USAGE, message);
    }
}
