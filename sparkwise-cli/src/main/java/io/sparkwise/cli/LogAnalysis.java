package io.sparkwise.cli;

import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.Application;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.ReportFormat;
import io.sparkwise.report.advisor.CostRenderer;

import java.util.function.LongConsumer;

import static java.util.Objects.requireNonNull;

/**
 * The work {@code analyze} does for one log, on a worker thread: read it, then the engine's
 * analysis (rules, merged config, cost when prices were given), the same code as every other
 * front end. Everything it uses is immutable or made per call, so one instance serves every worker.
 */
final class LogAnalysis {

    private final Sparkwise engine;
    private final AnalysisOptions options;
    private final ReportFormat format;

    /**
     * @param options thresholds, and prices for the cost section (text and Markdown reports only)
     * @param format the report format, for the form of the cost section
     */
    LogAnalysis(Sparkwise engine, AnalysisOptions options, ReportFormat format) {
        this.engine = requireNonNull(engine, "engine is null");
        this.options = requireNonNull(options, "options is null");
        this.format = requireNonNull(format, "format is null");
    }

    /**
     * @param rawBytesRead told the bytes read as they are (for progress)
     * @throws io.sparkwise.model.SparkwiseException when the log cannot be read, or a price the cost needs is missing
     */
    AnalyzedLog analyze(ApplicationSource.PendingRead log, LongConsumer rawBytesRead) {
        long start = System.nanoTime();
        Application application = log.read(rawBytesRead);
        long readMillis = (System.nanoTime() - start) / 1_000_000;
        AnalysisResult result = engine.analyze(application, options);
        AnalyzedApplication analyzed = new AnalyzedApplication(result.application(), result.analysis());
        return new AnalyzedLog(log.name(), analyzed, result.cost().map(this::costSection), readMillis);
    }

    /** The cost section of the text and Markdown reports (JSON and HTML keep their schema: see {@code sparkwise cost}). */
    private String costSection(CostReport cost) {
        String text = new CostRenderer().text(cost);
        return format == ReportFormat.MARKDOWN ? "\n## Cost\n\n```\n" + text + "```\n" : "\n" + text;
    }
}
