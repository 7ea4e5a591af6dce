package io.sparkwise.decide.run;

import io.sparkwise.advisor.catalog.CatalogEntry;
import io.sparkwise.advisor.catalog.InstanceType;
import io.sparkwise.advisor.catalog.Price;
import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.ClusterShape;
import io.sparkwise.simulator.SimulationResult;
import io.sparkwise.simulator.Simulator;
import io.sparkwise.simulator.WhatIf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * Puts the ways to run a workload side by side: Spark as it ran (from the log), Spark right-sized
 * (the simulator), a Spark cluster of a given size (from the measured Spark curve, without a
 * log), one large machine with an embedded engine (the measured DuckDB curve), and the
 * warehouses of the catalog. Each option carries its assumptions; prices cite the catalog.
 *
 * @param clusterInstance the instance type a Spark cluster's cores are priced at
 * @param machine the single machine
 * @param clusterCores cores of the Spark cluster when there is no log
 */
public record Decider(PriceCatalog catalog, EngineCurves curves, InstanceType clusterInstance, InstanceType machine,
                      int clusterCores, String snowflakeSize, int redshiftRpus) {

    public Decider {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(curves, "curves is null");
        requireNonNull(clusterInstance, "clusterInstance is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(snowflakeSize, "snowflakeSize is null");
    }

    public Decision decide(Workload w) {
        List<RunOption> options = new ArrayList<>();
        if (w.measured().isPresent()) {
            options.add(sparkAsRun(w, w.measured().get()));
            sparkRightSized(w, w.measured().get()).ifPresent(options::add);
        } else {
            options.add(sparkCluster(w));
        }
        RunOption single = singleMachine(w);
        options.add(single);
        options.add(bigQuery(w));
        options.add(athena(w));
        options.add(snowflake(w, single.seconds().getAsDouble()));
        options.add(redshift(w, single.seconds().getAsDouble()));
        options.add(new RunOption("Databricks SQL", OptionalDouble.empty(), OptionalDouble.empty(),
                List.of("no Databricks SQL price in the shipped catalog (no source was confirmed): not compared")));
        if (w.measured().isPresent() && w.scannedBytes() == 0) {
            options.replaceAll(o -> o.name().startsWith("Spark") ? o
                    : new RunOption(o.name(), OptionalDouble.empty(), OptionalDouble.empty(), List.of(NO_DATA_VOLUME)));
        }
        return Decision.of(w, options);
    }

    /** Why the other engines are not priced for a log with no bytes to size them on (they would all show 0 ms and $0). */
    static final String NO_DATA_VOLUME = "not compared: the log read no input and shuffled nothing, so there is no data volume to size this on";

    private double perVcpuHour() {
        return clusterInstance.onDemandPerHour().value() / clusterInstance.vcpu();
    }

    private String clusterPrice() {
        return String.format(Locale.ROOT, "cores priced at %s on-demand $%.4f/h / %.0f vCPU = $%.4f per core-hour (%s)",
                clusterInstance.type(), clusterInstance.onDemandPerHour().value(), clusterInstance.vcpu(), perVcpuHour(),
                clusterInstance.onDemandPerHour().citation());
    }

    private RunOption sparkAsRun(Workload w, MeasuredRun run) {
        CoordinationTax tax = run.tax();
        double cost = tax.allocatedCoreMs() / 3_600_000.0 * perVcpuHour();
        return new RunOption("Spark as it ran", OptionalDouble.of(tax.wallMs() / 1000.0), OptionalDouble.of(cost), List.of(
                "time: the log's wall time",
                String.format(Locale.ROOT, "cost: %.2f executor core-hours allocated; %s", tax.allocatedCoreMs() / 3_600_000.0, clusterPrice()),
                "driver, platform fees (EMR, Databricks) and storage not included"));
    }

    private Optional<RunOption> sparkRightSized(Workload w, MeasuredRun run) {
        try {
            Simulator simulator = Simulator.of(run.application());
            ClusterShape asRun = simulator.asRun();
            List<ClusterOption> candidates = new ArrayList<>();
            for (int n = 1; n <= Math.max(2, asRun.executors() * 2); n *= 2) {
                candidates.add(ClusterOption.fixed(n, Math.max(1, asRun.coresPerExecutor())));
            }
            WhatIf whatIf = simulator.whatIf(candidates);
            double limitMs = w.latencyTargetSeconds().isPresent()
                    ? w.latencyTargetSeconds().getAsDouble() * 1000 : run.tax().wallMs() * 1.10;
            Optional<SimulationResult> best = whatIf.options().stream()
                    .filter(r -> r.predictedWallTimeMs() <= limitMs)
                    .min(Comparator.comparingLong(SimulationResult::allocatedCoreMs));
            if (best.isEmpty()) {
                return Optional.empty();
            }
            SimulationResult r = best.get();
            double cost = r.allocatedCoreMs() / 3_600_000.0 * perVcpuHour();
            return Optional.of(new RunOption("Spark right-sized (" + r.label() + ")", OptionalDouble.of(r.predictedWallTimeMs() / 1000.0),
                    OptionalDouble.of(cost), List.of(
                            "time: the simulator's replay of the log's tasks on " + r.label() + " (docs/simulator.md)",
                            w.latencyTargetSeconds().isPresent() ? "the cheapest simulated size within the latency target"
                                    : "the cheapest simulated size within 10% of the wall time as run",
                            "cost: " + clusterPrice())));
        } catch (SparkwiseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private RunOption sparkCluster(Workload w) {
        double seconds = curves.seconds("spark", w.shape(), w.scannedBytes(), clusterCores) * w.concurrency();
        double cost = seconds / 3600 * clusterCores * perVcpuHour();
        return new RunOption("Spark cluster, " + clusterCores + " cores", OptionalDouble.of(seconds), OptionalDouble.of(cost), List.of(
                "time: Spark's measured " + w.shape().benchmarkQuery() + " throughput (" + curves.source() + ") scaled linearly to "
                        + clusterCores + " cores; measured in local mode, so no network shuffle or executor start-up: optimistic",
                "cost: " + clusterPrice()));
    }

    private RunOption singleMachine(Workload w) {
        double seconds = curves.seconds("duckdb", w.shape(), w.scannedBytes(), machine.vcpu()) * w.concurrency();
        double cost = seconds / 3600 * machine.onDemandPerHour().value();
        return new RunOption("one machine, embedded engine (" + machine.type() + ")", OptionalDouble.of(seconds), OptionalDouble.of(cost),
                List.of(String.format(Locale.ROOT, "time: DuckDB's measured %s throughput (%s) scaled linearly to %.0f vCPU",
                                w.shape().benchmarkQuery(), curves.source(), machine.vcpu()),
                        String.format(Locale.ROOT, "cost: %s on-demand $%.4f/h for the run time only (%s); a machine kept up all day costs more",
                                machine.type(), machine.onDemandPerHour().value(), machine.onDemandPerHour().citation()),
                        String.format(Locale.ROOT, "memory: %.0f GiB; larger working sets spill to local disk", machine.memoryGib())));
    }

    private RunOption bigQuery(Workload w) {
        Price perTib = catalog.warehouse("bigquery").price("on_demand_per_tib_scanned");
        double cost = w.scannedBytes() / Math.pow(1024, 4) * perTib.value();
        return new RunOption("BigQuery on-demand", OptionalDouble.empty(), OptionalDouble.of(cost), List.of(
                String.format(Locale.ROOT, "cost: %s scanned x $%.2f per TiB (%s)", bytes(w.scannedBytes()), perTib.value(), perTib.citation()),
                "time: not predicted (no measured curve; depends on the slots BigQuery gives the query)"));
    }

    private RunOption athena(Workload w) {
        CatalogEntry athena = catalog.warehouse("athena");
        Price perTb = athena.price("per_tb_scanned");
        double minBytes = athena.optionalPrice("min_mb_per_query").map(Price::value).orElse(0.0) * 1e6;
        double cost = Math.max(w.scannedBytes(), minBytes) / 1e12 * perTb.value();
        return new RunOption("Athena", OptionalDouble.empty(), OptionalDouble.of(cost), List.of(
                String.format(Locale.ROOT, "cost: %s scanned x $%.2f per TB, at least %.0f MB per query (%s)", bytes(w.scannedBytes()),
                        perTb.value(), minBytes / 1e6, perTb.citation()),
                "time: not predicted (no measured curve)"));
    }

    private RunOption snowflake(Workload w, double engineSeconds) {
        CatalogEntry snowflake = catalog.warehouse("snowflake");
        Price credits = snowflake.price("credits_per_hour", snowflakeSize);
        Price perCredit = snowflake.price("price_per_credit", "standard");
        double minSeconds = snowflake.optionalPrice("min_billing_seconds").map(Price::value).orElse(0.0);
        double billed = Math.max(engineSeconds, minSeconds);
        double cost = billed / 3600 * credits.value() * perCredit.value();
        return new RunOption("Snowflake " + snowflakeSize, OptionalDouble.of(engineSeconds), OptionalDouble.of(cost), List.of(
                "time: assumed equal to the single machine's (a vectorized columnar engine too); not measured",
                String.format(Locale.ROOT, "cost: %.0f credits/h x $%.2f per credit (standard edition), billed at least %.0f s (%s; %s)",
                        credits.value(), perCredit.value(), minSeconds, credits.citation(), perCredit.citation())));
    }

    private RunOption redshift(Workload w, double engineSeconds) {
        Price perRpuHour = catalog.warehouse("redshift_serverless").price("per_rpu_hour");
        double cost = engineSeconds / 3600 * redshiftRpus * perRpuHour.value();
        return new RunOption("Redshift Serverless " + redshiftRpus + " RPU", OptionalDouble.of(engineSeconds), OptionalDouble.of(cost), List.of(
                "time: assumed equal to the single machine's; not measured",
                String.format(Locale.ROOT, "cost: %d RPU x $%.3f per RPU-hour (%s)", redshiftRpus, perRpuHour.value(), perRpuHour.citation())));
    }

    /** Sizes in the notes as the rules' texts write them (decide sits below report, so not report's Units). */
    static String bytes(long bytes) {
        return SparkSizes.human(bytes);
    }
}
