package io.sparkwise.analysis.rules.config;

import io.sparkwise.model.Application;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Spark version a log was written by, compared as major.minor (vendor suffixes ignored). */
public final class SparkVersions {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    private SparkVersions() {
    }

    /** major x 100 + minor, e.g. 3.5.1 -> 305; empty when the log names no version. */
    public static Optional<Integer> of(Application app) {
        return app.info().sparkVersion().flatMap(SparkVersions::parse);
    }

    public static Optional<Integer> parse(String version) {
        Matcher m = MAJOR_MINOR.matcher(version.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)));
    }

    /** True only when the version is known and at least {@code major.minor}. */
    public static boolean atLeast(Application app, int major, int minor) {
        return of(app).map(v -> v >= major * 100 + minor).orElse(false);
    }

    /** True only when the version is known and below {@code major.minor}. */
    public static boolean below(Application app, int major, int minor) {
        return of(app).map(v -> v < major * 100 + minor).orElse(false);
    }
}
