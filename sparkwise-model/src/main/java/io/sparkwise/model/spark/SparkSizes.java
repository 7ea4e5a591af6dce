package io.sparkwise.model.spark;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's size syntax, read exactly as Spark reads it: {@code JavaUtils.byteStringAs} and
 * {@code ByteUnit.convertFrom} (common/utils/src/main/java/org/apache/spark/network/util/, Spark 3.x
 * and 4.0), and written back in it.
 *
 * <p>Lower-cased and trimmed, then a whole number and an optional suffix with nothing between them:
 * {@code b}, {@code k}/{@code kb}, {@code m}/{@code mb}, {@code g}/{@code gb}, {@code t}/{@code tb},
 * {@code p}/{@code pb}, all powers of 1024. A plain number is in the unit the setting is read in
 * ({@code bytesConf(unit)}: {@code spark.executor.memory "4096"} is MiB), and the value is
 * converted into that unit, truncating ({@code "1500k"} read in MiB is 1 MiB). Where Spark throws
 * (fractions such as {@code "1.5g"}, {@code "4gib"}, a space before the suffix, a negative number, a
 * value beyond {@code Long.MAX_VALUE} in the unit) these methods return empty.
 */
public final class SparkSizes {

    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;
    public static final long GIB = 1024L * MIB;

    private static final Pattern SIZE = Pattern.compile("([0-9]+)([a-z]+)?");

    private static final Map<String, Long> SUFFIXES = Map.ofEntries(
            Map.entry("b", 1L),
            Map.entry("k", KIB), Map.entry("kb", KIB),
            Map.entry("m", MIB), Map.entry("mb", MIB),
            Map.entry("g", GIB), Map.entry("gb", GIB),
            Map.entry("t", 1024 * GIB), Map.entry("tb", 1024 * GIB),
            Map.entry("p", 1024 * 1024 * GIB), Map.entry("pb", 1024 * 1024 * GIB));

    private SparkSizes() {
    }

    /**
     * {@code JavaUtils.byteStringAs(text, unit)}: the size in units of {@code unitBytes} (1, KiB,
     * MiB, GiB, TiB or PiB), a plain number being in that unit; empty for null and wherever Spark
     * throws.
     */
    public static OptionalLong parse(String text, long unitBytes) {
        if (!SUFFIXES.containsValue(unitBytes)) {
            throw new IllegalArgumentException("not a Spark byte unit: " + unitBytes);
        }
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT).trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // more digits than a long holds: Spark throws too
        }
        if (m.group(2) == null) {
            return OptionalLong.of(value);
        }
        Long suffixBytes = SUFFIXES.get(m.group(2));
        if (suffixBytes == null) {
            return OptionalLong.empty();
        }
        if (suffixBytes > unitBytes) {
            long ratio = suffixBytes / unitBytes;
            // ByteUnit.convertTo throws here rather than wrap around
            return Long.MAX_VALUE / ratio < value ? OptionalLong.empty() : OptionalLong.of(value * ratio);
        }
        return OptionalLong.of(value / (unitBytes / suffixBytes));
    }

    /**
     * Bytes of a setting Spark reads in units of {@code unitBytes} ({@code bytesConf(unit)}): the
     * value Spark works with, e.g. {@code spark.executor.memory} in MiB. Empty where Spark throws,
     * and beyond 8 EiB.
     */
    public static OptionalLong parseBytes(String text, long unitBytes) {
        OptionalLong value = parse(text, unitBytes);
        if (value.isEmpty()) {
            return value;
        }
        try {
            return OptionalLong.of(Math.multiplyExact(value.getAsLong(), unitBytes));
        } catch (ArithmeticException e) {
            return OptionalLong.empty(); // no real size, and wrapping around would give a wrong one
        }
    }

    /** {@code JavaUtils.byteStringAsMb}: mebibytes, a plain number being MiB. */
    public static OptionalLong parseMib(String text) {
        return parse(text, MIB);
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
