package io.sparkwise.agent;

import java.util.regex.Pattern;

/**
 * The stable identity of a job across its runs, for metric labels: what varies from run to run
 * in an application name (dates, times, run numbers, UUIDs and hex ids) is removed, so
 * "etl-orders-2026-12-07T03:00" and "etl-orders-2026-12-08T03:00" aggregate as "etl-orders".
 */
final class JobIdentity {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}[-_/.]?\\d{2}[-_/.]?\\d{2}([T _-]?\\d{2}[:._-]?\\d{2}([:._-]?\\d{2})?)?");
    /** A hex id: 8+ hex digits, at least one a digit (so a word like "feedface" stays). */
    private static final Pattern HEX_ID = Pattern.compile("(?i)(?<![0-9a-z])(?=[0-9a-f]*\\d)[0-9a-f]{8,}(?![0-9a-z])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[-_ .:/]{2,}");
    private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[-_ .:/]+|[-_ .:/]+$");

    private JobIdentity() {
    }

    static String normalize(String appName) {
        String s = appName == null ? "" : appName.trim();
        s = UUID.matcher(s).replaceAll("");
        s = DATE_TIME.matcher(s).replaceAll("");
        s = HEX_ID.matcher(s).replaceAll("");
        s = DIGITS.matcher(s).replaceAll("");
        s = SEPARATOR_RUNS.matcher(s).replaceAll(m -> m.group().substring(0, 1));
        s = EDGE_SEPARATORS.matcher(s).replaceAll("");
        return s.isEmpty() ? "spark-application" : s;
    }
}
