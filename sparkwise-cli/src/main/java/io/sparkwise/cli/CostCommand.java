package io.sparkwise.cli;

import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.advisor.cost.PriceContext;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.Application;
import io.sparkwise.report.advisor.CostRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code sparkwise cost}: what a run cost, where the money went, and what the fixes would save. */
@Command(name = "cost",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Prices a run from its executor lifetimes and the price catalog: busy vs idle, driver, on demand vs spot",
            "with the interruption risk priced in, what auto-scaling would have saved (simulator), the saving of each",
            "finding, and with --runs-per-day a monthly projection. Formulas: docs/advisor.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "2:usage error (missing --instance, unknown instance type or platform, bad catalog, missing price)",
            "3:the log cannot be read",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class CostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "Event log of the run.")
    String log;

    @Mixin
    PriceOptions prices;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    OutputOptions out;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw PlanCommand.usage("--format '" + format + "' is not one of: text, json");
        }
        PriceContext context = prices.context();
        Sparkwise engine = new Sparkwise();
        Application app = EngineSource.of(engine).readOne(log, "cost needs one log");
        CostReport report = engine.analyze(app, AnalysisOptions.defaults().withPrices(context, prices.runs()))
                .cost().orElseThrow();
        CostRenderer renderer = new CostRenderer();
        String text = format.equals("json") ? renderer.json(report) : renderer.text(report);
        return out.write(spec, text);
    }
}
