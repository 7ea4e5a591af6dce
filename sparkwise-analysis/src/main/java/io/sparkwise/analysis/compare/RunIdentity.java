package io.sparkwise.analysis.compare;

import io.sparkwise.model.Application;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Which run a side of a comparison is: the application attempt and the log it was read from. */
public record RunIdentity(
        String applicationId,
        String name,
        Optional<String> attemptId,
        Optional<String> sparkVersion,
        Optional<String> master,
        boolean completed,
        String source) {

    public RunIdentity {
        requireNonNull(applicationId, "applicationId is null");
        requireNonNull(name, "name is null");
        requireNonNull(attemptId, "attemptId is null");
        requireNonNull(sparkVersion, "sparkVersion is null");
        requireNonNull(master, "master is null");
        requireNonNull(source, "source is null");
    }

    static RunIdentity of(Application app) {
        return new RunIdentity(app.info().id(), app.info().name(), app.info().attemptId(), app.info().sparkVersion(),
                app.info().master(), app.info().completed(), app.readReport().source());
    }
}
