package io.sparkwise.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void line_knownTotal_showsShareRateAndTimeLeft() {
        assertThat(ProgressBar.line(100L << 20, 400L << 20, 2_000, "x.zstd"))
                .isEqualTo("reading x.zstd: 100.0 MiB / 400.0 MiB (25%), 50.0 MiB/s, 6 s left   ");
    }

    @Test
    void line_unknownTotal_showsBytesAndRateOnly() {
        assertThat(ProgressBar.line(10L << 20, -1, 1_000, "hdfs://a/b"))
                .isEqualTo("reading hdfs://a/b: 10.0 MiB, 10.0 MiB/s   ");
    }
}
