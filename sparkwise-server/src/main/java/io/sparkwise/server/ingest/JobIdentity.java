package io.sparkwise.server.ingest;

import io.sparkwise.model.Application;

import java.util.regex.Pattern;

/**
 * The key that groups the runs of one job: {@code spark.sparkwise.job} when the application sets
 * it, else its name with what changes from run to run stripped (UUIDs, hex hashes, numbers such
 * as dates and ids), so {@code etl-2026-12-01-run-42} and {@code etl-2026-12-02-run-43} are one job.
 * Scheduler tags (Airflow, Databricks job ids, YARN tags) come next (issue 18).
 */
public final class JobIdentity {

    public static final String PROPERTY = "spark.sparkwise.job";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A run of 8+ hex digits holding at least one digit: a hash or an id, while a word such as "facade" stays. */
    private static final Pattern HEX = Pattern.compile("\\b(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern SEPARATORS = Pattern.compile("([-_ .:/])[-_ .:/]+");
    private static final Pattern EDGES = Pattern.compile("^[-_ .:/]+|[-_ .:/]+$");

    private JobIdentity() {
    }

    public static String of(Application application) {
        return application.environment().sparkProperty(PROPERTY)
                .filter(v -> !v.isBlank())
                .map(String::strip)
                .orElseGet(() -> fromName(application.info().name()));
    }

    static String fromName(String name) {
        String key = UUID.matcher(name).replaceAll("");
        key = HEX.matcher(key).replaceAll("");
        key = NUMBER.matcher(key).replaceAll("");
        key = SEPARATORS.matcher(key).replaceAll("$1");
        key = EDGES.matcher(key).replaceAll("");
        return key.isEmpty() ? name : key;
    }
}
