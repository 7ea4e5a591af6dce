package io.sparkwise.engine;

import io.sparkwise.advisor.cost.PriceContext;
import io.sparkwise.analysis.Thresholds;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * What to do with an application beyond reading it: the rule thresholds, prices to cost it with,
 * and whether to replay it on other clusters.
 *
 * @param thresholds rule thresholds and disabled rules ({@link Thresholds#defaults()} or a user's
 *     {@code --rules} file)
 * @param prices the price context to cost the run with; empty: no cost
 * @param runsPerDay runs a day, to project the cost to a month; only used with {@code prices}
 * @param simulate replay the application on other executor counts (the simulator's what-if)
 * @param executorCounts the executor counts to replay on, each at the log's cores per executor;
 *     empty: {@link #DEFAULT_EXECUTOR_COUNTS} and the log's own peak
 */
public record AnalysisOptions(
        Thresholds thresholds,
        Optional<PriceContext> prices,
        OptionalInt runsPerDay,
        boolean simulate,
        List<Integer> executorCounts) {

    /** The executor counts of {@code sparkwise simulate} when none are named. */
    public static final List<Integer> DEFAULT_EXECUTOR_COUNTS = List.of(1, 2, 4, 8, 16, 32);

    public AnalysisOptions {
        requireNonNull(thresholds, "thresholds is null");
        requireNonNull(prices, "prices is null");
        requireNonNull(runsPerDay, "runsPerDay is null");
        if (runsPerDay.isPresent() && runsPerDay.getAsInt() < 1) {
            throw new IllegalArgumentException("runsPerDay must be at least 1, was " + runsPerDay.getAsInt());
        }
        executorCounts = List.copyOf(executorCounts);
        for (int count : executorCounts) {
            if (count < 1) {
                throw new IllegalArgumentException("executor counts must be 1 or more, was " + count);
            }
        }
    }

    /** The shipped thresholds; no cost, no simulation: what {@code sparkwise analyze LOG} does. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(Thresholds.defaults(), Optional.empty(), OptionalInt.empty(), false, List.of());
    }

    public AnalysisOptions withThresholds(Thresholds newThresholds) {
        return new AnalysisOptions(newThresholds, prices, runsPerDay, simulate, executorCounts);
    }

    /** Cost each run with {@code context}, projected to a month of {@code runs} runs a day when given. */
    public AnalysisOptions withPrices(PriceContext context, OptionalInt runs) {
        return new AnalysisOptions(thresholds, Optional.of(context), runs, simulate, executorCounts);
    }

    /** Replay each run on {@code counts} executors (empty: the defaults and the log's peak). */
    public AnalysisOptions withSimulation(List<Integer> counts) {
        return new AnalysisOptions(thresholds, prices, runsPerDay, true, counts);
    }
}
