package io.sparkwise.engine;

import io.sparkwise.advisor.cost.CostModel;
import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.Simulator;
import io.sparkwise.simulator.WhatIf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import static java.util.Objects.requireNonNull;

/**
 * Sparkwise as a library: the one place where an event log becomes an {@link AnalysisResult}.
 * The CLI calls it now; the driver agent, the history server and the fleet job call the same
 * methods, so every front end reads, judges and prices a run with the same code.
 *
 * <pre>{@code
 * Sparkwise sparkwise = new Sparkwise();
 * for (LogInput log : sparkwise.discover("/var/log/spark-events")) {
 *     AnalysisResult result = sparkwise.analyze(log, AnalysisOptions.defaults());
 *     String row = ResultJson.toJson(result);      // and ResultJson.fromJson(row) gives it back
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance per process serves every thread; each call reads and
 * analyzes one application on the calling thread and keeps nothing afterwards.
 *
 * <p>Errors: what a user can cause (a missing path, a file that is no event log, a price missing
 * from the catalog) comes out as a {@link SparkwiseException} whose message says what and where;
 * anything else thrown is a bug. A log that is only partly damaged is not an error: the damaged
 * lines are counted in the application's read report and the rest is analyzed. A rule that fails
 * is not an error either: it is named in {@link Analysis#ruleErrors()} and the others still run.
 */
public final class Sparkwise {

    private final EventLogReader reader;
    private final Analyzer analyzer;

    /** The built-in rules. */
    public Sparkwise() {
        this(Analyzer.withBuiltInRules());
    }

    /** Other rules (tests, or a front end with rules of its own). */
    public Sparkwise(Analyzer analyzer) {
        this.reader = new EventLogReader();
        this.analyzer = requireNonNull(analyzer, "analyzer is null");
    }

    /**
     * The application attempt logs at {@code path}, not read yet: a file, a rolling
     * {@code eventlog_v2_*} directory, a Databricks rolled-log directory, or a directory of logs
     * (local path or Hadoop file system URI).
     *
     * @return the logs found, possibly none
     * @throws SparkwiseException when the path does not exist or cannot be listed
     */
    public List<LogInput> discover(String path) {
        return reader.discover(requireNonNull(path, "path is null"));
    }

    /**
     * Reads one log into its model, reporting raw (on-disk, still compressed) bytes read as it
     * goes: progress against {@link LogInput#size()}.
     *
     * @throws SparkwiseException when the log cannot be read at all (not an event log, I/O error)
     */
    public Application read(LogInput input, LongConsumer rawBytesRead) {
        return reader.read(requireNonNull(input, "input is null"), requireNonNull(rawBytesRead, "rawBytesRead is null"));
    }

    /**
     * Reads one log and analyzes it.
     *
     * @throws SparkwiseException when the log cannot be read at all, or when costing it needs a
     *     price the catalog lacks
     */
    public AnalysisResult analyze(LogInput input, AnalysisOptions options) {
        return analyze(input, options, bytes -> { });
    }

    /** As {@link #analyze(LogInput, AnalysisOptions)}, reporting raw bytes read as it goes. */
    public AnalysisResult analyze(LogInput input, AnalysisOptions options, LongConsumer rawBytesRead) {
        requireNonNull(options, "options is null");
        return analyze(read(input, rawBytesRead), options);
    }

    /**
     * Analyzes an application already read: the rules with the options' thresholds, root causes
     * linked, the findings' config merged and validated; its cost when the options carry prices;
     * its what-if replays when they ask for a simulation.
     *
     * @throws SparkwiseException when costing it needs a price the catalog lacks
     */
    public AnalysisResult analyze(Application application, AnalysisOptions options) {
        requireNonNull(application, "application is null");
        requireNonNull(options, "options is null");
        Analysis analysis = analyzer.analyze(application, options.thresholds());
        Optional<CostReport> cost = options.prices().map(prices ->
                // true: the cost includes what auto-scaling would have saved, as `sparkwise cost` shows it.
                new CostModel(prices).cost(application, analysis.findings(), options.runsPerDay(), true));
        Optional<WhatIf> simulation = options.simulate() ? simulate(application, options) : Optional.empty();
        return new AnalysisResult(application, analysis, cost, simulation);
    }

    // Not here yet: analyze(Iterable<SparkEvent>, options). Until the agent needs it, a front end
    // holding typed events folds them into a sparkwise-state ApplicationState and passes its
    // snapshot() to analyze(Application, options) above (LiveReplayTest does, with LiveAnalyzer).

    /** Empty when the log has no successful task to replay: one such log must not fail a fleet's run. */
    private static Optional<WhatIf> simulate(Application application, AnalysisOptions options) {
        Simulator simulator;
        try {
            simulator = Simulator.of(application);
        } catch (SparkwiseException e) {
            if (e.code() == ErrorCode.NOTHING_TO_SIMULATE) {
                return Optional.empty();
            }
            throw e;
        }
        TreeSet<Integer> counts = new TreeSet<>(options.executorCounts());
        if (counts.isEmpty()) {
            counts.addAll(AnalysisOptions.DEFAULT_EXECUTOR_COUNTS);
            counts.add(Math.max(1, simulator.asRun().peakExecutors()));
        }
        int cores = Math.max(simulator.asRun().coresPerExecutor(), simulator.asRun().taskCpus());
        List<ClusterOption> clusters = new ArrayList<>();
        for (int n : counts) {
            clusters.add(ClusterOption.fixed(n, cores));
        }
        return Optional.of(simulator.whatIf(clusters));
    }
}
