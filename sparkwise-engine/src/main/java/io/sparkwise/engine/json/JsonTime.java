package io.sparkwise.engine.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps written as the History Server's REST API writes them: {@code 2026-11-24T23:26:10.727GMT}. */
public final class JsonTime {

    private static final DateTimeFormatter HISTORY_SERVER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'GMT'").withZone(ZoneOffset.UTC);

    private JsonTime() {
    }

    public static String historyServer(long epochMillis) {
        return HISTORY_SERVER.format(Instant.ofEpochMilli(epochMillis));
    }
}
