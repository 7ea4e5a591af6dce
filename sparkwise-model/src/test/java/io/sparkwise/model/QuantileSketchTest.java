package io.sparkwise.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QuantileSketchTest {

    @Test
    void quantile_skewedData_isWithinOnePercentOfTheExactValue() {
        Random random = new Random(42);
        long[] values = new long[100_000];
        QuantileSketch.Builder builder = new QuantileSketch.Builder();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextGaussian() * 2 + 8);   // log-normal task durations
            builder.add(values[i]);
        }
        QuantileSketch sketch = builder.build();
        Arrays.sort(values);

        for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95, 0.99}) {
            long exact = values[(int) Math.min((long) (q * values.length), values.length - 1)];
            assertThat((double) sketch.quantile(q)).as("q=" + q).isCloseTo(exact, within(exact * 0.011 + 1));
        }
        assertThat(sketch.quantile(0)).isEqualTo(values[0]);
        assertThat(sketch.quantile(1)).isEqualTo(values[values.length - 1]);
        assertThat(sketch.count()).isEqualTo(100_000);
    }

    @Test
    void quantile_withZeros_returnsZeroForLowRanks() {
        QuantileSketch sketch = new QuantileSketch.Builder().add(0).add(0).add(0).add(100).build();

        assertThat(sketch.quantile(0.5)).isZero();
        assertThat(sketch.quantile(1)).isEqualTo(100);
        assertThat(sketch.sum()).isEqualTo(100);
    }

    @Test
    void merge_twoSketches_equalsOneSketchOfAllValues() {
        QuantileSketch.Builder a = new QuantileSketch.Builder();
        QuantileSketch.Builder b = new QuantileSketch.Builder();
        QuantileSketch.Builder all = new QuantileSketch.Builder();
        for (long v = 1; v <= 1000; v++) {
            (v % 2 == 0 ? a : b).add(v * 7);
            all.add(v * 7);
        }
        QuantileSketch merged = a.build().merge(b.build());

        assertThat(merged.count()).isEqualTo(1000);
        assertThat(merged.quantile(0.5)).isEqualTo(all.build().quantile(0.5));
        assertThat(merged.max()).isEqualTo(7000);
    }

    @Test
    void quantile_emptySketch_isZero() {
        assertThat(QuantileSketch.EMPTY.quantile(0.5)).isZero();
        assertThat(QuantileSketch.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void quantile_outOfRange_isRejected() {
        assertThatThrownBy(() -> QuantileSketch.EMPTY.quantile(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantile is not in [0, 1]: 1.5");
    }
}
