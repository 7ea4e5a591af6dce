package io.sparkwise.report;

import io.sparkwise.engine.json.JsonTime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps written as the History Server's REST API writes them: {@code 2026-11-24T23:26:10.727GMT}. */
public final class SparkTime {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'").withZone(ZoneOffset.UTC);

    private SparkTime() {
    }

    /** As the JSON report writes it: one formatter for both. */
    public static String historyServer(long epochMillis) {
        return JsonTime.historyServer(epochMillis);
    }

    public static String readable(long epochMillis) {
        return READABLE.format(Instant.ofEpochMilli(epochMillis));
    }
}
