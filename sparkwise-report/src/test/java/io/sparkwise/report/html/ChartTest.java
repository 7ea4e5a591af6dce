package io.sparkwise.report.html;

import io.sparkwise.report.Units;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartTest {

    @Test
    void linear_ordinaryMax_hasRoundTicksFromZero() {
        Chart.Axis axis = Chart.Axis.linear(6000, Units::millis, "time");

        assertThat(axis.ticks()).containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L, 6000L);
        assertThat(axis.max()).isEqualTo(6000);
    }

    @Test
    void linear_zeroNegativeOrHugeMax_neverThrowsAndStaysInThePlot() {
        for (long max : new long[] {0, -1, Long.MIN_VALUE, 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE / 2}) {
            Chart.Axis axis = Chart.Axis.linear(max, Units::millis, "time");

            assertThat(axis.ticks()).as("max %d", max).isNotEmpty().startsWith(0L).isSorted();
            assertThat(axis.x(max)).as("max %d", max).isBetween((double) Chart.LEFT, (double) Chart.LEFT + Chart.PLOT_WIDTH);
        }
    }

    @Test
    void log_reversedOrHugeRange_neverThrows() {
        assertThat(Chart.Axis.log(1000, 10, Units::millis, "t").ticks()).isNotEmpty();
        assertThat(Chart.Axis.log(1, Long.MAX_VALUE, Units::millis, "t").ticks()).isNotEmpty();
    }
}
