package io.sparkwise.cli;

import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.simulate.SelfCheckTable;
import io.sparkwise.report.simulate.SimulationFormat;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.Simulator;
import io.sparkwise.simulator.WhatIf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** {@code sparkwise simulate}: replays an application on other cluster sizes and predicts its wall time and cost. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Replays an application's stage DAG and task durations on other clusters (executors, cores, "
                + "dynamic allocation) and predicts wall time, executor-hours and utilization per option.",
            "With --self-check: replays each log on the executors it had and compares with its real wall time."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "2:usage error (bad flag or value; several applications without --self-check; an --output that cannot be written)",
            "3:the log cannot be read, or holds no successful task to replay",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class SimulateCommand implements Callable<Integer> {

    /** Executor counts tried when --executors is not given (plus the count the log ran with). */
    static final List<Integer> DEFAULT_EXECUTORS = AnalysisOptions.DEFAULT_EXECUTOR_COUNTS;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG",
            description = "Event log of the application (any format analyze reads). With --self-check: any number "
                    + "of logs or directories.")
    List<String> paths;

    @Option(names = "--executors", split = ",", paramLabel = "N[,N...]",
            description = "Executor counts to simulate. Default: 1,2,4,8,16,32 and the count the log ran with.")
    List<Integer> executors;

    @Option(names = "--cores", paramLabel = "N",
            description = "Cores per executor (spark.executor.cores). Default: what the log's executors had.")
    Integer cores;

    @Option(names = "--dynamic-allocation", paramLabel = "MIN,MAX",
            description = "Also simulate Spark's dynamic allocation between MIN and MAX executors "
                    + "(timeouts from the log's settings, else Spark's defaults).")
    String dynamicAllocation;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (schema in docs/json.md, \"simulate\") or html (a chart of wall time and "
                    + "executor-hours by executor count, the knee marked). With --self-check: text or markdown. "
                    + "Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--self-check",
            description = "For every log under the paths: predicted wall time on the executors it really had vs its "
                    + "real wall time (the table in docs/simulator.md).")
    boolean selfCheck;

    @Mixin
    OutputOptions out;

    private final ApplicationSource source;

    /** As picocli creates it: logs found and read by the engine. */
    public SimulateCommand() {
        this(EngineSource.of(new Sparkwise()));
    }

    SimulateCommand(ApplicationSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public Integer call() throws IOException {
        if (selfCheck) {
            return selfCheckTable();
        }
        SimulationFormat simulationFormat = parse(() -> SimulationFormat.fromName(format), "--format");
        Application app = onlyApplication();
        Simulator simulator = Simulator.of(app);
        List<ClusterOption> options = options(simulator);
        WhatIf whatIf;
        try {
            whatIf = simulator.whatIf(options);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        StringWriter text = new StringWriter();
        simulationFormat.renderer().render(whatIf, text);
        return out.write(spec, text.toString());
    }

    private List<ClusterOption> options(Simulator simulator) {
        int coresPerExecutor = cores != null ? cores : simulator.asRun().coresPerExecutor();
        if (coresPerExecutor < 1) {
            throw usage("--cores must be 1 or more, was " + coresPerExecutor);
        }
        TreeSet<Integer> counts = new TreeSet<>();
        if (executors == null) {
            counts.addAll(DEFAULT_EXECUTORS);
            counts.add(Math.max(1, simulator.asRun().peakExecutors()));
        } else {
            for (int n : executors) {
                if (n < 1) {
                    throw usage("--executors must be whole numbers of 1 or more, was " + n);
                }
                counts.add(n);
            }
        }
        List<ClusterOption> options = new ArrayList<>();
        for (int n : counts) {
            options.add(ClusterOption.fixed(n, coresPerExecutor));
        }
        if (dynamicAllocation != null) {
            options.add(dynamicOption(coresPerExecutor));
        }
        return options;
    }

    private ClusterOption dynamicOption(int coresPerExecutor) {
        String[] bounds = dynamicAllocation.split(",");
        try {
            if (bounds.length == 2) {
                return ClusterOption.dynamic(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()),
                        coresPerExecutor);
            }
        } catch (IllegalArgumentException bad) {
            // the message below says what is expected
        }
        throw usage("--dynamic-allocation must be MIN,MAX with 0 <= MIN <= MAX and MAX >= 1, was '"
                + dynamicAllocation + "'");
    }

    /** The one application at the paths; a usage error when there are several. */
    private Application onlyApplication() {
        List<ApplicationSource.PendingRead> logs = new ArrayList<>();
        for (String path : paths) {
            logs.addAll(source.discover(path));
        }
        if (logs.isEmpty()) {
            throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "no event log found in " + String.join(", ", paths));
        }
        if (logs.size() > 1) {
            throw new SparkwiseException(ErrorCode.USAGE, String.join(", ", paths) + " holds " + logs.size()
                    + " application logs; simulate needs one (--self-check takes many)");
        }
        return logs.get(0).read();
    }

    private int selfCheckTable() throws IOException {
        boolean markdown;
        if (format.equalsIgnoreCase("markdown")) {
            markdown = true;
        } else if (format.equalsIgnoreCase("text")) {
            markdown = false;
        } else {
            throw usage("--format with --self-check must be text or markdown, was '" + format + "'");
        }
        List<SelfCheckTable.Row> rows = new ArrayList<>();
        for (String path : paths) {
            for (ApplicationSource.PendingRead log : source.discover(path)) {
                rows.add(selfCheckRow(log));
            }
        }
        if (rows.isEmpty()) {
            throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "no event log found in " + String.join(", ", paths));
        }
        SelfCheckTable table = new SelfCheckTable(rows);
        return out.write(spec, String.join(System.lineSeparator(), markdown ? table.markdown() : table.text())
                + System.lineSeparator());
    }

    private static SelfCheckTable.Row selfCheckRow(ApplicationSource.PendingRead log) {
        Application app;
        try {
            app = log.read();
        } catch (SparkwiseException unreadable) {
            return SelfCheckTable.Row.without(log.name(), "-", "not read: " + unreadable.getMessage());
        }
        try {
            return Simulator.of(app).selfCheck()
                    .map(check -> SelfCheckTable.Row.of(log.name(), app.info().id(), check))
                    .orElse(SelfCheckTable.Row.without(log.name(), app.info().id(), "no executor with cores in the log"));
        } catch (SparkwiseException nothing) {
            return SelfCheckTable.Row.without(log.name(), app.info().id(), "no successful task");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private <T> T parse(java.util.function.Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }
}
