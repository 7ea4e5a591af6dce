package io.sparkwise.cli;

import io.sparkwise.analysis.Thresholds;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.Application;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.ReportFormat;
import io.sparkwise.report.Renderer;
import io.sparkwise.report.advisor.CostRenderer;
import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.advisor.cost.PriceContext;
import io.sparkwise.report.TextReport;
import io.sparkwise.report.html.HtmlPages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** {@code sparkwise analyze}: reads event logs and reports on each application attempt. */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Reads Spark event logs and reports on each application attempt in them.",
            "A log that cannot be read is reported on stderr and the others still are."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok (also when some inputs could not be read, or were partly damaged: see stderr)",
            "1:findings at or above --fail-on",
            "2:usage error; also an --output file that cannot be written",
            "3:no input could be read at all",
            "4:internal error (a bug: rerun with --verbose and report it)"})
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

    @Mixin
    PriceOptions prices;

    /** The cost section of each application (text), when a price context was given. */
    private final List<String> costSections = new ArrayList<>();

    private final ApplicationSource source;

    /** Analyzes and prices each application: the same code as every other front end. */
    private static final Sparkwise ENGINE = new Sparkwise();

    /** As picocli creates it: logs found and read by the engine. */
    public AnalyzeCommand() {
        this(path -> ENGINE.discover(path).stream()
                .map(log -> new ApplicationSource.PendingRead(log.name(), log.size(), progress -> ENGINE.read(log, progress)))
                .toList());
    }

    AnalyzeCommand(ApplicationSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public Integer call() throws IOException {
        if (verbose && quiet) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--verbose and --quiet cannot be used together");
        }
        Thresholds thresholds;
        try {
            thresholds = rulesFile == null ? Thresholds.defaults() : Thresholds.load(rulesFile);
        } catch (SparkwiseException e) {
            error(e);
            return ExitCodes.USAGE;
        }
        Optional<PriceContext> priceContext;
        try {
            priceContext = prices.given() ? Optional.of(prices.context()) : Optional.empty();
        } catch (SparkwiseException e) {
            error(e);
            return ExitCodes.USAGE;
        }
        List<Application> applications = new ArrayList<>();
        for (String path : paths) {
            read(path, applications);
        }
        if (applications.isEmpty()) {
            return ExitCodes.NO_INPUT;
        }
        AnalysisOptions options = new AnalysisOptions(thresholds, costed(priceContext), prices.runs(), false, List.of());
        List<AnalyzedApplication> analyzed = new ArrayList<>();
        try {
            for (Application app : applications) {
                AnalysisResult result = ENGINE.analyze(app, options);
                analyzed.add(new AnalyzedApplication(result.application(), result.analysis()));
                result.cost().ifPresent(cost -> costSections.add(costSection(cost)));
            }
        } catch (SparkwiseException e) {
            error(e);
            return ExitCodes.USAGE;
        }
        if (!render(analyzed)) {
            return ExitCodes.USAGE;
        }
        if (!quiet) {
            applications.forEach(app -> damagedLinesWarning(app.readReport()));
        }
        if (failOn != null && analyzed.stream().anyMatch(a -> a.analysis().hasAtLeast(failOn.severity()))) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    /** Reads every log at {@code path} into {@code applications}; reports those that fail and goes on. */
    private void read(String path, List<Application> applications) {
        List<ApplicationSource.PendingRead> logs;
        try {
            logs = source.discover(path);
        } catch (SparkwiseException e) {
            error(e);
            return;
        }
        if (logs.isEmpty()) {
            err().println("sparkwise: no event log found in " + path);
            return;
        }
        for (ApplicationSource.PendingRead log : logs) {
            try {
                long start = System.nanoTime();
                Application application = readWithProgress(log);
                applications.add(application);
                if (verbose) {
                    err().printf("sparkwise: read %s: %,d events in %,d ms%n", log.name(),
                            application.readReport().events(), (System.nanoTime() - start) / 1_000_000);
                }
            } catch (SparkwiseException e) {
                error(e);
            }
        }
    }

    /** Shows progress on an interactive terminal for inputs that take a while (never with --quiet). */
    private Application readWithProgress(ApplicationSource.PendingRead log) {
        if (quiet || System.console() == null) {
            return log.read();
        }
        try (ProgressBar bar = new ProgressBar(err(), log.name(), log.size())) {
            return log.read(bar::advance);
        }
    }

    /** Colors only on an interactive terminal, and never when NO_COLOR is set (no-color.org). */
    private static boolean colorTerminal() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * The price context to cost each application with: the cost section is part of the text and
     * markdown reports; JSON and HTML keep their schema and point to {@code sparkwise cost}.
     */
    private Optional<PriceContext> costed(Optional<PriceContext> priceContext) {
        if (priceContext.isPresent() && (format == ReportFormat.JSON || format == ReportFormat.HTML)) {
            err().println("sparkwise: note: the cost section is part of the text and markdown reports; "
                    + "for JSON use: sparkwise cost LOG --format json");
            return Optional.empty();
        }
        return priceContext;
    }

    private String costSection(CostReport cost) {
        String text = new CostRenderer().text(cost);
        return format == ReportFormat.MARKDOWN ? "\n## Cost\n\n```\n" + text + "```\n" : "\n" + text;
    }

    private void writeCostSections(Writer out) throws IOException {
        for (String section : costSections) {
            out.write(section);
        }
        out.flush();
    }

    /** Writes the report; false when {@code --output} cannot be written (already said on stderr). */
    private boolean render(List<AnalyzedApplication> applications) throws IOException {
        if (format == ReportFormat.HTML && applications.size() > 1) {
            return renderHtmlPages(applications);
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            Renderer renderer = format == ReportFormat.TEXT && colorTerminal() ? new TextReport(true) : format.renderer();
            renderer.render(applications, out);
            writeCostSections(out);
            return true;
        }
        try (Writer out = io.sparkwise.report.Utf8Writers.newFile(output)) {
            format.renderer().render(applications, out);
            writeCostSections(out);
            return true;
        } catch (IOException e) {
            err().println("sparkwise: cannot write " + output + ": " + e);
            return false;
        }
    }

    /** Several applications as HTML: a page each and an index, in the {@code --output} directory. */
    private boolean renderHtmlPages(List<AnalyzedApplication> applications) {
        if (output == null || Files.isRegularFile(output)) {
            err().println("sparkwise: --format html with " + applications.size() + " applications writes one page "
                    + "per application and an index.html: give a directory with --output DIR"
                    + (output == null ? "" : " (" + output + " is a file)"));
            return false;
        }
        try {
            List<Path> written = new HtmlPages().write(applications, output);
            if (!quiet) {
                err().println("sparkwise: wrote " + (written.size() - 1) + " reports and "
                        + output.resolve(HtmlPages.INDEX));
            }
            return true;
        } catch (IOException e) {
            err().println("sparkwise: cannot write " + output + ": " + e);
            return false;
        }
    }

    private void damagedLinesWarning(ReadReport report) {
        if (report.damagedLineCount() == 0) {
            return;
        }
        StringBuilder warning = new StringBuilder("sparkwise: warning: ");
        if (report.damagedLines().isEmpty()) {
            warning.append(report.source()).append(": ").append(report.damagedLineCount())
                    .append(" damaged line(s) skipped");
        } else {
            ReadReport.DamagedLine first = report.damagedLines().get(0);
            warning.append(first.file()).append(": ").append(report.damagedLineCount())
                    .append(" damaged line(s) skipped (first at line ").append(first.line())
                    .append(": ").append(first.reason()).append(')');
        }
        err().println(warning);
    }

    private void error(SparkwiseException e) {
        err().println("sparkwise: " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err());
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
