package io.sparkwise.analysis.rules;

import java.util.Locale;

/** Numbers as finding titles and texts show them. */
public final class Format {

    private Format() {
    }

    public static String bytes(long bytes) {
        return io.sparkwise.model.spark.SparkSizes.human(bytes);
    }

    public static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        double s = ms / 1000.0;
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        double min = s / 60;
        if (min < 120) {
            return String.format(Locale.ROOT, "%.1f min", min);
        }
        return String.format(Locale.ROOT, "%.1f h", min / 60);
    }

    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.1fx", r);
    }

    public static String pct(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p);
    }

    public static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
