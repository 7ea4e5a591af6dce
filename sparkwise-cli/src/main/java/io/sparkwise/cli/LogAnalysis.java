package io.sparkwise.cli;

import io.sparkwise.advisor.cost.CostModel;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.model.Application;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.ReportFormat;
import io.sparkwise.report.advisor.CostRenderer;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;

import static java.util.Objects.requireNonNull;

/**
 * The work {@code analyze} does for one log, on a worker thread: read it, run the rules, cost it.
 * Everything it uses is immutable or made per call, so one instance serves every worker. This is
 * the one place that would call a library facade instead (issue 16, item 3).
 */
final class LogAnalysis {

    private final Analyzer analyzer = Analyzer.withBuiltInRules();
    private final Thresholds thresholds;
    private final Optional<CostModel> costModel;
    private final OptionalInt runsPerDay;
    private final ReportFormat format;

    /**
     * @param costModel prices for the cost section (text and Markdown reports only)
     * @param format the report format, for the form of the cost section
     */
    LogAnalysis(Thresholds thresholds, Optional<CostModel> costModel, OptionalInt runsPerDay, ReportFormat format) {
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
        this.costModel = requireNonNull(costModel, "costModel is null");
        this.runsPerDay = requireNonNull(runsPerDay, "runsPerDay is null");
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
        AnalyzedApplication analyzed = new AnalyzedApplication(application, analyzer.analyze(application, thresholds));
        return new AnalyzedLog(log.name(), analyzed, costModel.map(model -> costSection(model, analyzed)), readMillis);
    }

    /** The cost section of the text and Markdown reports (JSON and HTML keep their schema: see {@code sparkwise cost}). */
    private String costSection(CostModel model, AnalyzedApplication a) {
        String text = new CostRenderer().text(model.cost(a.application(), a.analysis().findings(), runsPerDay, true));
        return format == ReportFormat.MARKDOWN ? "\n## Cost\n\n```\n" + text + "```\n" : "\n" + text;
    }
}
