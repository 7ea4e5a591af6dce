package io.sparkwise.cli;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.advisor.cost.PriceContext;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** The price context options shared by {@code cost} and {@code analyze}. */
final class PriceOptions {

    @Option(names = "--provider", paramLabel = "CLOUD", description = "aws, gcp or azure: where --instance is looked up.")
    String provider;

    @Option(names = "--instance", paramLabel = "TYPE", description = "Instance type the executors ran on, e.g. m5.xlarge, n2-standard-8.")
    String instance;

    @Option(names = "--platform", paramLabel = "PLATFORM",
            description = "emr, emr-serverless, dataproc, databricks, glue, k8s or none (plain instances). Default: none.")
    String platform;

    @Option(names = "--spot", description = "Executors ran on spot/preemptible instances (the driver on demand).")
    boolean spot;

    @Option(names = "--catalog", paramLabel = "FILE", description = "YAML price catalog overriding the shipped one (docs/advisor.md).")
    Path catalog;

    @Option(names = "--runs-per-day", paramLabel = "N", description = "Project the cost and savings to a month of N runs a day.")
    Integer runsPerDay;

    /** True when the user asked for prices at all (any of --provider, --instance, --platform). */
    boolean given() {
        return provider != null || instance != null || platform != null;
    }

    PriceContext context() {
        if (runsPerDay != null && runsPerDay < 1) {
            throw PlanCommand.usage("--runs-per-day must be at least 1, was " + runsPerDay);
        }
        return PriceContext.of(PriceCatalog.load(Optional.ofNullable(catalog)), Optional.ofNullable(provider),
                Optional.ofNullable(instance), Optional.ofNullable(platform), spot);
    }

    OptionalInt runs() {
        return runsPerDay == null ? OptionalInt.empty() : OptionalInt.of(runsPerDay);
    }
}
