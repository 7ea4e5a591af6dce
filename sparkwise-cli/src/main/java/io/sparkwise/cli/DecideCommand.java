package io.sparkwise.cli;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.model.spark.SparkDurations;
import io.sparkwise.decide.run.Decider;
import io.sparkwise.decide.run.Decision;
import io.sparkwise.decide.run.EngineCurves;
import io.sparkwise.decide.run.MeasuredRun;
import io.sparkwise.decide.run.QueryShape;
import io.sparkwise.decide.run.Workload;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.report.decide.DecisionHtml;
import io.sparkwise.report.decide.DecisionJson;
import io.sparkwise.report.decide.DecisionText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

/** {@code sparkwise decide}: Spark vs one machine vs a warehouse, for a logged run or a described workload. */
@Command(name = "decide",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares ways to run a workload: Spark as it ran and right-sized (from an event log), one large machine",
            "with an embedded engine (measured DuckDB curves), and BigQuery, Athena, Snowflake, Redshift Serverless;",
            "each with predicted time, cost per run and per month, and the assumptions behind them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "2:usage error (bad flag or value, unknown instance type, an --output that cannot be written)",
            "3:the log cannot be read",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class DecideCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--from-log", paramLabel = "LOG", description = "An event log of one run: measures its coordination tax and data scanned.")
        String log;

        @Option(names = "--data-size", paramLabel = "SIZE", description = "Data scanned per run, e.g. 500GB (GB = 2^30 bytes).")
        String dataSize;
    }

    @Option(names = "--query-shape", paramLabel = "SHAPE",
            description = "scan, aggregate, join, window or ml. Default: from the log's SQL plans, else scan.")
    String queryShape;

    @Option(names = "--runs-per-day", paramLabel = "N", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
    double runsPerDay;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", description = "Runs at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--latency-target", paramLabel = "TIME", description = "Each run must finish within this, e.g. 5m, 90s, 1h.")
    String latencyTarget;

    @Option(names = "--instance", paramLabel = "TYPE", defaultValue = "m6i.xlarge",
            description = "Instance type Spark's cores are priced at. Default: ${DEFAULT-VALUE}.")
    String instance;

    @Option(names = "--machine", paramLabel = "TYPE", defaultValue = "m6i.4xlarge",
            description = "The single machine for the embedded engine. Default: ${DEFAULT-VALUE}.")
    String machine;

    @Option(names = "--cluster-cores", paramLabel = "N", defaultValue = "64",
            description = "Spark cluster cores for --data-size (no log). Default: ${DEFAULT-VALUE}.")
    int clusterCores;

    @Option(names = "--snowflake-size", paramLabel = "SIZE", defaultValue = "M", description = "XS..4XL. Default: ${DEFAULT-VALUE}.")
    String snowflakeSize;

    @Option(names = "--redshift-rpu", paramLabel = "N", defaultValue = "8", description = "Redshift Serverless capacity. Default: ${DEFAULT-VALUE}.")
    int redshiftRpu;

    @Option(names = "--catalog", paramLabel = "FILE", description = "A price catalog YAML overriding shipped prices.")
    Path catalog;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text, json or html. Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    OutputOptions out;

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "json", "html").contains(format)) {
            throw new SparkwiseException(ErrorCode.USAGE, "unknown format '" + format + "' for decide (expected text, json or html)");
        }
        // Java parses "NaN" and "Infinity" as doubles; either would print NaN dollars a month.
        if (!(runsPerDay > 0) || Double.isInfinite(runsPerDay)) {
            throw new SparkwiseException(ErrorCode.USAGE, "--runs-per-day must be a positive finite number, was " + runsPerDay);
        }
        if (concurrency < 1 || clusterCores < 1 || redshiftRpu < 1) {
            throw new SparkwiseException(ErrorCode.USAGE, "--concurrency, --cluster-cores and --redshift-rpu must be positive");
        }
        PriceCatalog prices = PriceCatalog.load(Optional.ofNullable(catalog));
        Decider decider = new Decider(prices, EngineCurves.shipped(), prices.instance(Optional.empty(), instance),
                prices.instance(Optional.empty(), machine), clusterCores, snowflakeSize, redshiftRpu);
        StringWriter text = new StringWriter();
        render(decider.decide(workload()), text);
        return out.write(spec, text.toString());
    }

    private Workload workload() {
        OptionalDouble target = OptionalDouble.empty();
        if (latencyTarget != null) {
            OptionalLong ms = SparkDurations.parseMs(latencyTarget, TimeUnit.SECONDS);
            if (ms.isEmpty() || ms.getAsLong() <= 0) {
                throw new SparkwiseException(ErrorCode.USAGE, "--latency-target must be a time like 5m, 90s or 1h, was '" + latencyTarget + "'");
            }
            target = OptionalDouble.of(ms.getAsLong() / 1000.0);
        }
        if (input.log != null) {
            Application app = EngineSource.of(new Sparkwise()).readOne(input.log, "decide needs one run");
            MeasuredRun run = MeasuredRun.of(app);
            QueryShape shape = queryShape == null ? QueryShape.of(app) : shape();
            return new Workload(run.tax().dataVolumeBytes(), shape, runsPerDay, concurrency, target, Optional.of(run));
        }
        OptionalLong bytes = SparkSizes.parseBytes(input.dataSize, 1);
        if (bytes.isEmpty() || bytes.getAsLong() <= 0) {
            throw new SparkwiseException(ErrorCode.USAGE, "--data-size must be a size like 500GB or 2TB, was '" + input.dataSize + "'");
        }
        return new Workload(bytes.getAsLong(), queryShape == null ? QueryShape.SCAN : shape(), runsPerDay, concurrency, target, Optional.empty());
    }

    private QueryShape shape() {
        try {
            return QueryShape.parse(queryShape);
        } catch (IllegalArgumentException e) {
            throw new SparkwiseException(ErrorCode.USAGE, e.getMessage());
        }
    }

    private void render(Decision d, StringWriter out) throws IOException {
        switch (format) {
            case "json" -> DecisionJson.render(d, out);
            case "html" -> DecisionHtml.render(d, new PrintWriter(out));
            default -> DecisionText.render(d, new PrintWriter(out));
        }
    }
}
