package io.sparkwise.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsTest {

    @Test
    void bytes_acrossUnits_binaryWithThreeSignificantDigits() {
        assertThat(Units.bytes(0)).isEqualTo("0 B");
        assertThat(Units.bytes(1023)).isEqualTo("1023 B");
        assertThat(Units.bytes(1536)).isEqualTo("1.50 KiB");
        assertThat(Units.bytes(12_900_000)).isEqualTo("12.3 MiB");
        assertThat(Units.bytes(700L << 20)).isEqualTo("700 MiB");
        assertThat(Units.bytes(1_100_000_000)).isEqualTo("1.02 GiB");
        assertThat(Units.bytes(Long.MAX_VALUE)).isEqualTo("8.00 EiB");
    }

    @Test
    void millis_acrossUnits_largestFittingUnit() {
        assertThat(Units.millis(0)).isEqualTo("0 ms");
        assertThat(Units.millis(999)).isEqualTo("999 ms");
        assertThat(Units.millis(6925)).isEqualTo("6.9 s");
        assertThat(Units.millis(252_000)).isEqualTo("4.2 min");
        assertThat(Units.millis(5_760_000)).isEqualTo("1.6 h");
    }

    @Test
    void nanos_cpuTime_shownAsMillis() {
        assertThat(Units.nanos(72_205_458)).isEqualTo("72 ms");
    }

    @Test
    void percent_zeroWhole_isDash() {
        assertThat(Units.percent(1, 0)).isEqualTo("-");
        assertThat(Units.percent(1, 3)).isEqualTo("33.3%");
    }
}
