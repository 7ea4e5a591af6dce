package io.sparkwise.analysis.rules.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spark's time syntax ("60s", "2min", "500ms", "1h", a plain number in a default unit). */
public final class SparkDurations {

    private static final Pattern TIME = Pattern.compile("(\\d+)\\s*(us|ms|s|m|min|h|d)?", Pattern.CASE_INSENSITIVE);

    private SparkDurations() {
    }

    /** Milliseconds of a duration; a plain number is in {@code defaultUnitMs}. Empty when not a time. */
    public static OptionalLong parseMs(String text, long defaultUnitMs) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = TIME.matcher(text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        return OptionalLong.of(switch (unit) {
            case "us" -> n / 1000;
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m", "min" -> n * 60_000;
            case "h" -> n * 3_600_000;
            case "d" -> n * 86_400_000;
            default -> n * defaultUnitMs;
        });
    }
}
