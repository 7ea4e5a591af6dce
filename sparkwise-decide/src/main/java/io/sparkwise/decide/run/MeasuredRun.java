package io.sparkwise.decide.run;

import io.sparkwise.model.Application;

import static java.util.Objects.requireNonNull;

/** A real run from an event log: the application and its measured coordination tax. */
public record MeasuredRun(Application application, CoordinationTax tax) {

    public MeasuredRun {
        requireNonNull(application, "application is null");
        requireNonNull(tax, "tax is null");
    }

    public static MeasuredRun of(Application app) {
        return new MeasuredRun(app, CoordinationTax.of(app));
    }
}
