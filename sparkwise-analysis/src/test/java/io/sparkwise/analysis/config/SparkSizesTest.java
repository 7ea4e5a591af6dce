package io.sparkwise.analysis.config;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class SparkSizesTest {

    @Test
    void parseBytes_units_areBinary() {
        assertThat(SparkSizes.parseBytes("500GB", 1)).hasValue(500L * 1024 * 1024 * 1024);
        assertThat(SparkSizes.parseBytes("2t", 1)).hasValue(2L * 1024 * 1024 * 1024 * 1024);
    }

    @Test
    void parseBytes_tooLargeForALong_isNotASize() {
        // 9,999,999,999 TiB is about 1.1e22 bytes; a long holds 9.2e18. Wrapping around gave 761 PiB.
        assertThat(SparkSizes.parseBytes("9999999999TB", 1)).isEqualTo(OptionalLong.empty());
        assertThat(SparkSizes.parseBytes("99999999999999999999GB", 1)).isEqualTo(OptionalLong.empty());
    }
}
