package io.sparkwise.advisor.cost;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * The cost of one run and where it went.
 *
 * @param lines the arithmetic, in order, each with its formula and sources
 * @param prices the catalog prices used, as "key = value (source, as_of, confidence)"
 */
public record CostReport(String applicationId, String context, List<ExecutorCost> executors, double totalDollars,
                         double busyDollars, double idleDollars, double driverDollars, double dollarsPerCoreHour,
                         Optional<SpotEstimate> spot, Optional<AutoScalingSaving> autoScaling, List<FindingSaving> findings,
                         OptionalInt runsPerDay, List<CostLine> lines, List<String> prices, List<String> notes) {

    /** Days per month in the projection: 730 hours / 24, the month AWS and GCP price in. */
    public static final double DAYS_PER_MONTH = 730.0 / 24;

    public CostReport {
        requireNonNull(applicationId, "applicationId is null");
        executors = List.copyOf(executors);
        requireNonNull(spot, "spot is null");
        requireNonNull(autoScaling, "autoScaling is null");
        findings = List.copyOf(findings);
        requireNonNull(runsPerDay, "runsPerDay is null");
        lines = List.copyOf(lines);
        prices = List.copyOf(prices);
        notes = List.copyOf(notes);
    }

    /**
     * What the root-cause findings waste per run together (symptoms are not counted twice), capped
     * at what the executors cost: findings about idle time overlap (driver gaps, idle executors,
     * dynamic allocation measure much the same core-seconds).
     */
    public double findingSavingsDollars() {
        return Math.min(findings.stream().mapToDouble(FindingSaving::dollars).sum(), busyDollars + idleDollars);
    }

    /** True when the findings' savings add up to more than the executors cost, so the total is capped. */
    public boolean findingSavingsCapped() {
        return findings.stream().mapToDouble(FindingSaving::dollars).sum() > busyDollars + idleDollars;
    }

    /** The monthly projection of {@code --runs-per-day}, when given. */
    public Optional<MonthlyProjection> monthly() {
        if (runsPerDay.isEmpty()) {
            return Optional.empty();
        }
        double runs = runsPerDay.getAsInt() * DAYS_PER_MONTH;
        return Optional.of(new MonthlyProjection(runs, totalDollars * runs, findingSavingsDollars() * runs,
                autoScaling.map(a -> a.dollars() * runs).orElse(0.0)));
    }

    /** Cost and savings per month at {@code runsPerMonth} = runs per day x 730 / 24. */
    public record MonthlyProjection(double runsPerMonth, double cost, double findingSavings, double autoScalingSavings) {
    }
}
