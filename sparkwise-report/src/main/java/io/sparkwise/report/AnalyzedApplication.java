package io.sparkwise.report;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.model.Application;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What a report shows for one application attempt: the model and its diagnosis. */
public record AnalyzedApplication(Application application, Analysis analysis) {

    public AnalyzedApplication {
        requireNonNull(application, "application is null");
        requireNonNull(analysis, "analysis is null");
    }

    /** An application shown without diagnostics (no findings). */
    public static AnalyzedApplication withoutFindings(Application application) {
        return new AnalyzedApplication(application, new Analysis(List.of(), Map.of(), List.of(), List.of()));
    }
}
