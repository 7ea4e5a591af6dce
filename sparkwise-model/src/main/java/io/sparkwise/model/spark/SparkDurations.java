package io.sparkwise.model.spark;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's time syntax, read exactly as Spark reads it: {@code JavaUtils.timeStringAs}
 * (common/utils/src/main/java/org/apache/spark/network/util/JavaUtils.java, Spark 3.x and 4.0).
 *
 * <p>Lower-cased and trimmed, then an optionally negative whole number and an optional suffix with
 * nothing between them: {@code us}, {@code ms}, {@code s}, {@code m} or {@code min}, {@code h},
 * {@code d}. A plain number is in the unit the setting is read in ({@code timeConf(unit)}), and the
 * value is converted into that unit with {@link TimeUnit#convert}: truncated toward zero
 * ({@code "1500ms"} read in seconds is 1 s) and saturated at {@code Long.MAX_VALUE}. Where Spark
 * throws (decimals such as {@code "1.5s"}, a space before the suffix, an unknown suffix, more
 * digits than a long holds) these methods return empty: such a value never configured a running
 * application, so the caller falls back to Spark's default.
 */
public final class SparkDurations {

    private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");

    private static final Map<String, TimeUnit> SUFFIXES = Map.of(
            "us", TimeUnit.MICROSECONDS,
            "ms", TimeUnit.MILLISECONDS,
            "s", TimeUnit.SECONDS,
            "m", TimeUnit.MINUTES,
            "min", TimeUnit.MINUTES,
            "h", TimeUnit.HOURS,
            "d", TimeUnit.DAYS);

    private SparkDurations() {
    }

    /**
     * {@code JavaUtils.timeStringAs(text, unit)}: the time in {@code unit}, a plain number being in
     * {@code unit}; empty for null and wherever Spark throws.
     */
    public static OptionalLong parse(String text, TimeUnit unit) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = TIME.matcher(text.toLowerCase(Locale.ROOT).trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // more digits than a long holds: Spark throws too
        }
        String suffix = m.group(2);
        if (suffix == null) {
            return OptionalLong.of(value);
        }
        TimeUnit given = SUFFIXES.get(suffix);
        return given == null ? OptionalLong.empty() : OptionalLong.of(unit.convert(value, given));
    }

    /**
     * Milliseconds of a setting Spark reads in {@code unit} (its {@code timeConf(unit)}, or the
     * {@code timeStringAsSec}/{@code timeStringAsMs} it is read with): what Spark works with,
     * truncated to {@code unit} first, e.g. {@code spark.network.timeout=1500ms} is 1000 ms because
     * Spark reads it in seconds.
     */
    public static OptionalLong parseMs(String text, TimeUnit unit) {
        OptionalLong value = parse(text, unit);
        return value.isPresent() ? OptionalLong.of(unit.toMillis(value.getAsLong())) : OptionalLong.empty();
    }
}
