package io.sparkwise.analysis.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spark's size syntax ("512m", "4g", "1t", "100k", plain numbers in a default unit). */
public final class SparkSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgtp]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final long MIB = 1024L * 1024;

    private SparkSizes() {
    }

    /**
     * Bytes of a size; a plain number is in {@code defaultUnitBytes} (Spark reads
     * spark.executor.memory "4096" as MiB). Empty when the text is not a size.
     */
    public static OptionalLong parseBytes(String text, long defaultUnitBytes) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // more digits than a long holds
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "k" -> 1024L;
            case "m" -> MIB;
            case "g" -> 1024 * MIB;
            case "t" -> 1024 * 1024 * MIB;
            case "p" -> 1024L * 1024 * 1024 * MIB;
            default -> m.group(3) != null ? 1 : defaultUnitBytes;
        };
        try {
            return OptionalLong.of(Math.multiplyExact(n, factor));
        } catch (ArithmeticException e) {
            return OptionalLong.empty(); // beyond 8 EiB: no real size, and wrapping around would give a wrong one
        }
    }

    public static OptionalLong parseMib(String text) {
        OptionalLong bytes = parseBytes(text, MIB);
        return bytes.isPresent() ? OptionalLong.of(bytes.getAsLong() / MIB) : OptionalLong.empty();
    }

    /** A size in Spark's syntax: whole gibibytes as "6g", else mebibytes rounded up as "1536m". */
    public static String format(long bytes) {
        long mib = (bytes + MIB - 1) / MIB;
        if (mib % 1024 == 0 && mib > 0) {
            return (mib / 1024) + "g";
        }
        return mib + "m";
    }

    /** A size for people: "1.5 GiB". */
    public static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return i == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
