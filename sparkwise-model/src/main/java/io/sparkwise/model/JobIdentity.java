package io.sparkwise.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key that groups the runs of one job across days: {@code spark.sparkwise.job} when the
 * application sets it, else its name with what changes from run to run removed (UUIDs, dates and
 * times, hex ids and hashes, numbers), so {@code etl-orders-2026-12-07T03:00} and
 * {@code etl-orders-2026-12-08T03:00} are one job, {@code etl-orders}. One definition for every
 * front end: the driver agent's metric labels and the server's grouping of runs must agree.
 */
public final class JobIdentity {

    /** The setting that names the job explicitly. */
    public static final String PROPERTY = "spark.sparkwise.job";

    /** What a nameless application is called. */
    static final String UNNAMED = "spark-application";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A date with an optional time, removed whole so no stray "T" or ":" is left of it. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}[-_/.]?\\d{2}[-_/.]?\\d{2}([T _-]?\\d{2}[:._-]?\\d{2}([:._-]?\\d{2})?)?");
    /**
     * A hex id: 8+ hex digits holding at least one digit (so "facade" stays), bounded by anything
     * but a letter or digit ({@code \b} would not see the id in "ingest_3f9a1c2b7d_clicks").
     */
    private static final Pattern HEX_ID = Pattern.compile("(?i)(?<![0-9a-z])(?=[0-9a-f]*\\d)[0-9a-f]{8,}(?![0-9a-z])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[-_ .:/]{2,}");
    private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[-_ .:/]+|[-_ .:/]+$");

    private JobIdentity() {
    }

    /** The job of a read application: its {@link #PROPERTY}, else {@link #fromName its name}. */
    public static String of(Application application) {
        return of(application.environment().sparkProperty(PROPERTY), application.info().name());
    }

    /** The job from an explicit setting when it is given and not blank, else from the application name. */
    public static String of(Optional<String> configured, String appName) {
        return configured.map(String::strip).filter(v -> !v.isEmpty()).orElseGet(() -> fromName(appName));
    }

    /**
     * The name without what varies between runs. A name that is nothing but such parts keeps its
     * own text: grouping unrelated applications under one made-up name would be worse than not
     * grouping at all.
     */
    public static String fromName(String appName) {
        String name = appName == null ? "" : appName.strip();
        String s = UUID.matcher(name).replaceAll("");
        s = DATE_TIME.matcher(s).replaceAll("");
        s = HEX_ID.matcher(s).replaceAll("");
        s = DIGITS.matcher(s).replaceAll("");
        s = SEPARATOR_RUNS.matcher(s).replaceAll(m -> m.group().substring(0, 1));
        s = EDGE_SEPARATORS.matcher(s).replaceAll("");
        if (!s.isEmpty()) {
            return s;
        }
        return name.isEmpty() ? UNNAMED : name;
    }
}
