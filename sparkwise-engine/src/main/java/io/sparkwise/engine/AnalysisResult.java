package io.sparkwise.engine;

import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.analysis.Analysis;
import io.sparkwise.model.Application;
import io.sparkwise.simulator.WhatIf;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything Sparkwise knows about one application attempt.
 *
 * @param application the model read from the log; its {@link Application#readReport()} says what
 *     reading went like (damaged lines, unknown events, what the log lacks)
 * @param analysis the findings ranked by cost, the merged and validated config, the notes on it,
 *     and the rules that failed
 * @param cost what the run cost, when {@link AnalysisOptions#prices()} was given
 * @param simulation the what-if replays, when {@link AnalysisOptions#simulate()} was asked and the
 *     log has a successful task to replay
 */
public record AnalysisResult(
        Application application,
        Analysis analysis,
        Optional<CostReport> cost,
        Optional<WhatIf> simulation) {

    public AnalysisResult {
        requireNonNull(application, "application is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(cost, "cost is null");
        requireNonNull(simulation, "simulation is null");
    }

    /** An application with its analysis, no cost and no simulation. */
    public static AnalysisResult of(Application application, Analysis analysis) {
        return new AnalysisResult(application, analysis, Optional.empty(), Optional.empty());
    }
}
