package io.sparkwise.cli;

import io.sparkwise.advisor.cost.PriceContext;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.ReportFormat;
import io.sparkwise.report.Renderer;
import io.sparkwise.report.SafeText;
import io.sparkwise.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** {@code sparkwise analyze}: reads event logs and reports on each application attempt. */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Reads Spark event logs and reports on each application attempt in them.",
            "Logs are analyzed in parallel (--threads) and each report is written as soon as it and the ones "
                    + "before it are done, in the order of the inputs: the output is the same whatever the thread count.",
            "A log that cannot be read is reported on stderr and the others still are."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok (also when some inputs could not be read, or were partly damaged: see stderr)",
            "1:findings at or above --fail-on",
            "2:usage error; also an --output file that cannot be written",
            "3:no input could be read at all",
            "4:internal error (a bug: rerun with --verbose and report it), or out of memory "
                    + "(raise -Xmx with SPARKWISE_JAVA_OPTS, or use fewer --threads)"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Event log files, rolling eventlog_v2_* directories, or directories of logs.")
    List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "Report format: text, json (schema in docs/json.md), markdown (for a pull request or "
                    + "chat) or html (a self-contained page; several applications need --output DIR). "
                    + "Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (UTF-8) instead of stdout. With --format html and several "
                    + "applications, a directory: one page per application and an index.html.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FailOn.Converter.class,
            description = "Exit 1 when a finding is at or above SEVERITY (warning or critical): "
                    + "gate CI pipelines on the health of a Spark job.")
    FailOn failOn;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "YAML file overriding rule thresholds or disabling rules (see docs/rules.md).")
    Path rulesFile;

    @Option(names = {"-v", "--verbose"}, description = "Print each log read, and stack traces of errors, on stderr.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"},
            description = "Print only errors on stderr: no progress, no warnings about damaged lines.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Logs analyzed at once, one per thread. Default: the number of cores (${DEFAULT-VALUE} "
                    + "here). Memory grows with N, not with the number of logs; use 1 for a small heap.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    PriceOptions prices;

    private final ApplicationSource source;

    /** The one progress display of the run, when stderr is an interactive terminal. */
    private ProgressBar progress;

    /** Reads, analyzes and prices each application: the same code as every other front end. */
    private static final Sparkwise ENGINE = new Sparkwise();

    /** As picocli creates it: logs found and read by the engine. */
    public AnalyzeCommand() {
        this(EngineSource.of(ENGINE));
    }

    AnalyzeCommand(ApplicationSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public Integer call() throws IOException {
        if (verbose && quiet) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--verbose and --quiet cannot be used together");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        Thresholds thresholds;
        Optional<PriceContext> priceContext;
        try {
            thresholds = rulesFile == null ? Thresholds.defaults() : Thresholds.load(rulesFile);
            priceContext = prices.given() ? Optional.of(prices.context()) : Optional.empty();
        } catch (SparkwiseException e) {
            error(e);
            return ExitCodes.USAGE;
        }
        List<ApplicationSource.PendingRead> logs = discover();
        if (logs.isEmpty()) {
            return ExitCodes.NO_INPUT;
        }
        Optional<ReportSink> sink = sink(logs.size());
        if (sink.isEmpty()) {
            return ExitCodes.USAGE;
        }
        if (priceContext.isPresent() && (format == ReportFormat.JSON || format == ReportFormat.HTML)) {
            err().println("sparkwise: note: the cost section is part of the text and markdown reports; "
                    + "for JSON use: sparkwise cost LOG --format json");
            priceContext = Optional.empty();
        }
        LogAnalysis analysis = new LogAnalysis(ENGINE,
                new AnalysisOptions(thresholds, priceContext, prices.runs(), false, List.of()), format);
        Run run = new Run(sink.get());
        try (ReportSink out = sink.get(); ProgressBar bar = progressBar(logs)) {
            progress = bar;
            ParallelInOrder.withThreads(threads).run(logs,
                    log -> analysis.analyze(log, bar == null ? bytes -> { } : bar::advance), run::take);
            run.finish();
        } catch (Stop stop) {
            return stop.exitCode;
        } catch (IOException e) {
            // Closing the --output file (the rest of the writing reports its own failures).
            say("sparkwise: cannot write " + output + ": " + e);
            return ExitCodes.USAGE;
        } catch (OutOfMemoryError e) {
            // Thrown on this thread, while writing: the workers' are outcomes, handled in take().
            return outOfMemory(e, "writing the report of " + run.current);
        } finally {
            progress = null;
        }
        if (run.written == 0) {
            return ExitCodes.NO_INPUT;
        }
        return run.failOnReached ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Every log at every path, not read yet; paths where nothing can be found are reported and skipped. */
    private List<ApplicationSource.PendingRead> discover() {
        List<ApplicationSource.PendingRead> logs = new ArrayList<>();
        for (String path : paths) {
            try {
                List<ApplicationSource.PendingRead> found = source.discover(path);
                if (found.isEmpty()) {
                    err().println("sparkwise: no event log found in " + path);
                }
                logs.addAll(found);
            } catch (SparkwiseException e) {
                error(e);
            }
        }
        return logs;
    }

    /** Where the reports go; empty when that cannot work (already said on stderr). */
    private Optional<ReportSink> sink(int logCount) {
        if (format == ReportFormat.HTML && logCount > 1) {
            if (output == null || Files.isRegularFile(output)) {
                err().println("sparkwise: --format html with " + logCount + " applications writes one page "
                        + "per application and an index.html: give a directory with --output DIR"
                        + (output == null ? "" : " (" + output + " is a file)"));
                return Optional.empty();
            }
            return Optional.of(ReportSink.htmlPages(output));
        }
        if (output != null) {
            return Optional.of(ReportSink.document(format.renderer(), output));
        }
        Renderer renderer = format == ReportFormat.TEXT && colorTerminal() ? new TextReport(true) : format.renderer();
        return Optional.of(ReportSink.document(renderer, spec.commandLine().getOut()));
    }

    /** One display for the whole run, on an interactive terminal only, never with --quiet. */
    private ProgressBar progressBar(List<ApplicationSource.PendingRead> logs) {
        if (quiet || System.console() == null) {
            return null;
        }
        long total = 0;
        for (ApplicationSource.PendingRead log : logs) {
            total = log.size() < 0 || total < 0 ? -1 : total + log.size();
        }
        String name = logs.size() == 1 ? logs.get(0).name() : String.format(Locale.ROOT, "%,d logs", logs.size());
        return new ProgressBar(err(), name, total);
    }

    /** Colors only on an interactive terminal, and never when NO_COLOR is set (no-color.org). */
    private static boolean colorTerminal() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * The outcomes of the logs, taken in input order on the command's thread: each report written,
     * and each message said, as it comes, so stdout and stderr are the same whatever the thread count.
     */
    private final class Run {
        private final ReportSink sink;
        private String current = "the first log";
        private int written;
        private boolean failOnReached;

        Run(ReportSink sink) {
            this.sink = sink;
        }

        void take(ParallelInOrder.Outcome<ApplicationSource.PendingRead, AnalyzedLog> outcome) throws Stop {
            current = outcome.input().name();
            Throwable failure = outcome.failure();
            if (failure == null) {
                write(outcome.value());
            } else if (failure instanceof SparkwiseException e && e.code() == ErrorCode.USAGE) {
                // A price the cost needs is missing: every log would fail the same way.
                error(e);
                throw new Stop(ExitCodes.USAGE);
            } else if (failure instanceof SparkwiseException e) {
                error(e);
            } else if (failure instanceof RuntimeException e) {
                internalError(current + ": internal error while analyzing it: " + e, e);
            } else if (failure instanceof OutOfMemoryError e) {
                throw new Stop(outOfMemory(e, "analyzing " + current));
            } else {
                internalError("internal error while analyzing " + current + ": " + failure, failure);
                throw new Stop(ExitCodes.INTERNAL_ERROR);
            }
        }

        private void write(AnalyzedLog log) throws Stop {
            ReadReport report = log.analyzed().application().readReport();
            if (verbose) {
                say(String.format("sparkwise: read %s: %,d events in %,d ms", log.name(), report.events(), log.readMillis()));
            }
            try {
                sink.write(log);
                written++;
            } catch (IOException e) {
                say("sparkwise: cannot write " + output + ": " + e);
                throw new Stop(ExitCodes.USAGE);
            } catch (RuntimeException e) {
                internalError(log.name() + ": internal error while writing its report: " + e, e);
            }
            if (!quiet) {
                damagedLinesWarning(report);
            }
            failOnReached |= failOn != null && log.analyzed().analysis().hasAtLeast(failOn.severity());
        }

        void finish() throws Stop {
            try {
                Optional<Path> index = sink.finish();
                if (index.isPresent() && !quiet) {
                    say("sparkwise: wrote " + written + " reports and " + index.get());
                }
            } catch (IOException e) {
                say("sparkwise: cannot write " + output + ": " + e);
                throw new Stop(ExitCodes.USAGE);
            }
        }
    }

    /** Ends the run with an exit code, its reason already said. */
    private static final class Stop extends Exception {
        final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /** One line, the stack trace only with --verbose; the run goes on (this log is lost, not the others). */
    private void internalError(String message, Throwable e) {
        say("sparkwise: " + message);
        if (verbose) {
            e.printStackTrace(err());
        } else {
            say("sparkwise: this is a bug: rerun with --verbose to see the stack trace, and please report it");
        }
    }

    private int outOfMemory(OutOfMemoryError e, String doing) {
        say(String.format(Locale.ROOT, "sparkwise: internal error: out of memory while %s (Java heap limit %,d MiB, "
                + "%d log(s) at once): raise the limit, e.g. SPARKWISE_JAVA_OPTS=-Xmx2g, or use --threads 1",
                doing, Runtime.getRuntime().maxMemory() >> 20, threads));
        if (verbose) {
            e.printStackTrace(err());
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private void damagedLinesWarning(ReadReport report) {
        if (report.damagedLineCount() == 0) {
            return;
        }
        StringBuilder warning = new StringBuilder("sparkwise: warning: ");
        if (report.damagedLines().isEmpty()) {
            warning.append(SafeText.line(report.source())).append(": ").append(report.damagedLineCount())
                    .append(" damaged line(s) skipped");
        } else {
            ReadReport.DamagedLine first = report.damagedLines().get(0);
            warning.append(SafeText.line(first.file())).append(": ").append(report.damagedLineCount())
                    .append(" damaged line(s) skipped (first at line ").append(first.line())
                    .append(": ").append(SafeText.line(first.reason())).append(')');
        }
        say(warning.toString());
    }

    private void error(SparkwiseException e) {
        say("sparkwise: " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err());
        }
    }

    /** A line on stderr, clearing the progress display first if it is shown. */
    private void say(String line) {
        ProgressBar bar = progress;
        if (bar != null) {
            bar.println(line);
        } else {
            err().println(line);
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
