package io.sparkwise.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/** What one scenario run produced: its event log and how long it took, session start included. */
public record DemoRun(String scenario, String applicationId, Path eventLog, Duration elapsed) {

    public DemoRun {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(applicationId, "applicationId is null");
        requireNonNull(eventLog, "eventLog is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
