package io.sparkwise.cli;

import io.sparkwise.report.AnalyzedApplication;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@code analyze} made of one log, ready to be written: the application and its diagnosis,
 * its cost section when prices were given, and how long reading took (for {@code --verbose}).
 */
record AnalyzedLog(String name, AnalyzedApplication analyzed, Optional<String> costSection, long readMillis) {

    AnalyzedLog {
        requireNonNull(name, "name is null");
        requireNonNull(analyzed, "analyzed is null");
        requireNonNull(costSection, "costSection is null");
        if (readMillis < 0) {
            throw new IllegalArgumentException("readMillis is negative: " + readMillis);
        }
    }
}
