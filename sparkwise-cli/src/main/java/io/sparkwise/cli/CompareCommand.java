package io.sparkwise.cli;

import io.sparkwise.analysis.compare.Comparison;
import io.sparkwise.analysis.compare.MetricDelta;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.compare.ComparisonFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** {@code sparkwise compare}: two runs side by side, to see what made one slower or dearer. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares two runs of a Spark application: time, cost drivers, data, configuration,",
            "executors, stages (matched by call site and SQL plan) and findings."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:wall time or task core time grew by more than --fail-on-regression",
            "2:usage error; also a path holding more than one application, or an --output that cannot be written",
            "3:a log cannot be read",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "Event log of the earlier (baseline) run.")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "Event log of the later run.")
    String after;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = ComparisonFormatConverter.class,
            description = "text, markdown or json (schema in docs/json.md, \"compare\"). Default: ${DEFAULT-VALUE}.")
    ComparisonFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (UTF-8) instead of stdout.")
    Path output;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "Exit 1 when wall time or task core time grew by more than PCT percent: "
                    + "gate CI on a performance regression.")
    Double failOnRegression;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors on stderr.")
    boolean verbose;

    /** Reads and analyzes both runs: the same code as every other front end. */
    private static final Sparkwise ENGINE = new Sparkwise();

    private final ApplicationSource source;

    /** As picocli creates it: logs found and read by the engine. */
    public CompareCommand() {
        this(EngineSource.of(ENGINE));
    }

    CompareCommand(ApplicationSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public Integer call() throws IOException {
        if (failOnRegression != null && (failOnRegression < 0 || failOnRegression.isNaN())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on-regression must be a percentage of 0 or more, was " + failOnRegression);
        }
        AnalysisResult b = analyze(read(before));
        AnalysisResult a = analyze(read(after));
        Comparison comparison = Comparison.of(b.application(), b.analysis().findings(),
                a.application(), a.analysis().findings());
        if (!render(comparison)) {
            return ExitCodes.USAGE;
        }
        return failOnRegression == null ? ExitCodes.OK : regressionExit(comparison.regressions(failOnRegression));
    }

    /** The shipped rules and thresholds, no cost and no simulation: a comparison needs only the findings. */
    private static AnalysisResult analyze(Application application) {
        return ENGINE.analyze(application, AnalysisOptions.defaults());
    }

    /** The one application attempt at {@code path}; a {@link SparkwiseException} for the handler otherwise. */
    private Application read(String path) {
        return source.readOne(path, "compare needs one log per run");
    }

    private int regressionExit(List<MetricDelta> regressions) {
        for (MetricDelta m : regressions) {
            spec.commandLine().getErr().printf(Locale.ROOT, "sparkwise: regression: %s grew %s (limit %s%%)%n",
                    m.metric().label(), m.changePct().isPresent()
                            ? String.format(Locale.ROOT, "%.1f%%", m.changePct().getAsDouble()) : "from 0",
                    format(failOnRegression));
        }
        return regressions.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static String format(double pct) {
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }

    private boolean render(Comparison comparison) throws IOException {
        if (output == null) {
            format.renderer().render(comparison, spec.commandLine().getOut());
            return true;
        }
        try (Writer out = io.sparkwise.report.Utf8Writers.newFile(output)) {
            format.renderer().render(comparison, out);
            return true;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sparkwise: cannot write " + output + ": " + e);
            return false;
        }
    }

    /** {@code --format text|markdown|json}, with the compare module's message on a bad name. */
    static final class ComparisonFormatConverter implements CommandLine.ITypeConverter<ComparisonFormat> {
        @Override
        public ComparisonFormat convert(String value) {
            try {
                return ComparisonFormat.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
