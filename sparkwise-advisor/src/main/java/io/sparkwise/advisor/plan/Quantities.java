package io.sparkwise.advisor.plan;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes and durations typed by users: "500GB", "1.5TB", "64g", "750MiB"; "1h", "90m", "1h30m", "45s".
 * Sizes are in Spark's binary units (1 GB = 1024 MB), as Spark reads "4g" and as the partition formula
 * of spark-facts.md counts (500 GB x 1024 / 128 MB = 4000).
 */
public final class Quantities {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp])(?:i?b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Quantities() {
    }

    /** Bytes of a size with a unit; {@code option} names the flag in the error. */
    public static long bytes(String option, String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new SparkwiseException(ErrorCode.USAGE, option + " '" + text + "' is not a size: use a number and a unit, "
                    + "e.g. 500GB, 1.5TB, 64g, 750MiB (binary units: 1 GB = 1024 MB)");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 50;
        };
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
        if (value.signum() <= 0) {
            throw new SparkwiseException(ErrorCode.USAGE, option + " '" + text + "' must be more than 0");
        }
        return value.longValue();
    }

    public static long mib(String option, String text) {
        return bytes(option, text) >> 20;
    }

    public static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (text.isBlank() || !m.matches()) {
            throw new SparkwiseException(ErrorCode.USAGE, option + " '" + text + "' is not a duration: use e.g. 1h, 90m, 1h30m, 45s");
        }
        Duration d = Duration.ofDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3)).plusSeconds(group(m, 4));
        if (d.isZero()) {
            throw new SparkwiseException(ErrorCode.USAGE, option + " '" + text + "' must be longer than 0");
        }
        return d;
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }
}
