package io.sparkwise.report;

import java.util.Locale;

/** Human-readable quantities for the text report: binary byte units and the largest fitting time unit. */
public final class Units {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 12.3 MiB}, {@code 1.02 GiB}: three significant digits. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return threeDigits(value) + " " + BYTE_UNITS[unit];
    }

    /** {@code 850 ms}, {@code 6.9 s}, {@code 4.2 min}, {@code 1.6 h}. */
    public static String millis(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        double seconds = millis / 1000.0;
        if (seconds < 60) {
            return oneDecimal(seconds) + " s";
        }
        double minutes = seconds / 60;
        if (minutes < 60) {
            return oneDecimal(minutes) + " min";
        }
        return oneDecimal(minutes / 60) + " h";
    }

    /** Nanoseconds (CPU times) as {@link #millis}. */
    public static String nanos(long nanos) {
        return millis(nanos / 1_000_000);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal; "-" when the whole is zero. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return oneDecimal(100.0 * part / whole) + "%";
    }

    private static String threeDigits(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
