package io.sparkwise.report;

import java.util.Locale;

/** Human-readable quantities for the text report: binary byte units and the largest fitting time unit. */
public final class Units {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    public static String bytes(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return threeDigits(value) + " " + BYTE_UNITS[unit];
    }

    /** {@code 850 ms}, {@code 6.9 s}, {@code 4.2 min}, {@code 1.6 h}. */
    public static String millis(long millis) {
        long abs = Math.abs(millis);
        if (abs < 1000) {
            return millis + " ms";
        }
        double seconds = millis / 1000.0;
        if (abs < 60_000) {
            return oneDecimal(seconds) + " s";
        }
        if (abs < 3_600_000) {
            return oneDecimal(seconds / 60) + " min";
        }
        return oneDecimal(seconds / 3600) + " h";
    }

    /** Core-milliseconds as core-seconds, or core-hours past ten of them: {@code 12.3 core-s}. */
    public static String coreMillis(long coreMillis) {
        double seconds = coreMillis / 1000.0;
        if (Math.abs(seconds) >= 36_000) {
            return oneDecimal(seconds / 3600) + " core-h";
        }
        return oneDecimal(seconds) + " core-s";
    }

    /** Thousands separated: {@code 12,345}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal; "-" when the whole is zero. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return oneDecimal(100.0 * part / whole) + "%";
    }

    /** A signed percentage change, {@code +4.7%} or {@code -12.0%}. */
    public static String signedPercent(double pct) {
        return (pct >= 0 ? "+" : "") + oneDecimal(pct) + "%";
    }

    /** A change written with its sign: {@code +} before positive values, as diffs are read. */
    public static String signed(String formatted, long delta) {
        return delta > 0 ? "+" + formatted : formatted;
    }

    private static String threeDigits(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Nanoseconds (CPU times) as {@link #millis}. */
    public static String nanos(long nanos) {
        return millis(nanos / 1_000_000);
    }
}
