package io.sparkwise.model.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Cases follow Spark's JavaUtils.byteStringAs and ByteUnit.convertFrom (JavaUtilsSuite-style). */
class SparkSizesTest {

    private static final long MIB = SparkSizes.MIB;

    @Test
    void parseBytes_units_areBinary() {
        assertThat(SparkSizes.parseBytes("500GB", 1)).hasValue(500L * 1024 * 1024 * 1024);
        assertThat(SparkSizes.parseBytes("2t", 1)).hasValue(2L * 1024 * 1024 * 1024 * 1024);
        assertThat(SparkSizes.parseBytes("1p", 1)).hasValue(1L << 50);
        assertThat(SparkSizes.parseBytes("100k", 1)).hasValue(102_400L);
        assertThat(SparkSizes.parseBytes("100kb", 1)).hasValue(102_400L);
        assertThat(SparkSizes.parseBytes("42b", MIB)).hasValue(0L); // 42 bytes read in MiB: 0 MiB
    }

    @Test
    void parse_everySuffixSparkKnows_caseInsensitiveAndTrimmed() {
        for (String suffix : new String[] {"m", "mb", "M", "MB", "Mb"}) {
            assertThat(SparkSizes.parse(" 3" + suffix + " ", MIB)).as(suffix).hasValue(3L);
        }
        assertThat(SparkSizes.parse("3g", MIB)).hasValue(3072L);
        assertThat(SparkSizes.parse("3", MIB)).hasValue(3L);
        assertThat(SparkSizes.parse("3", 1)).hasValue(3L);
    }

    @Test
    void parse_finerSuffixThanTheUnit_truncatesAsSparkDoes() {
        // Spark reads spark.executor.memory in MiB: "1500k" is 1 MiB, "1023k" is 0.
        assertThat(SparkSizes.parse("1500k", MIB)).hasValue(1L);
        assertThat(SparkSizes.parse("1023k", MIB)).hasValue(0L);
        assertThat(SparkSizes.parseBytes("1500k", MIB)).hasValue(MIB);
        assertThat(SparkSizes.parseMib("2047m")).hasValue(2047L);
    }

    @Test
    void parse_whatSparkRejects_isEmpty() {
        // fractions ("Fractional values are not supported"), spaces, unknown or IEC suffixes, signs
        for (String bad : new String[] {"1.5g", "0.5", "4 g", "4gib", "4mib", "4ib", "4x", "-1g", "+1g", "g", "", " "}) {
            assertThat(SparkSizes.parse(bad, 1)).as(bad).isEmpty();
        }
        assertThat(SparkSizes.parse(null, 1)).isEmpty();
    }

    @Test
    void parseBytes_tooLargeForALong_isNotASize() {
        // 9,999,999,999 TiB is about 1.1e22 bytes; a long holds 9.2e18. Wrapping around gave 761 PiB.
        assertThat(SparkSizes.parseBytes("9999999999TB", 1)).isEqualTo(OptionalLong.empty());
        assertThat(SparkSizes.parseBytes("99999999999999999999GB", 1)).isEqualTo(OptionalLong.empty());
        // In Spark's unit (MiB) the value fits; in bytes it does not.
        assertThat(SparkSizes.parse("9999999999999m", MIB)).hasValue(9_999_999_999_999L);
        assertThat(SparkSizes.parseBytes("9999999999999m", MIB)).isEmpty();
    }

    @Test
    void parse_unitThatIsNoByteUnit_isABug() {
        assertThatThrownBy(() -> SparkSizes.parse("1g", 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void format_wholeGibibytesAsG_elseMebibytesRoundedUp() {
        assertThat(SparkSizes.format(6L << 30)).isEqualTo("6g");
        assertThat(SparkSizes.format(1536L << 20)).isEqualTo("1536m");
        assertThat(SparkSizes.format((1536L << 20) + 1)).isEqualTo("1537m");
        assertThat(SparkSizes.human(1536L << 20)).isEqualTo("1.5 GiB");
        assertThat(SparkSizes.human(512)).isEqualTo("512 B");
    }
}
