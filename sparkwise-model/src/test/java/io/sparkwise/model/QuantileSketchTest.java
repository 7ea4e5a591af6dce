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

    @Test
    void merge_valuesInAnotherOrder_equalsAndHashesTheSame() {
        QuantileSketch.Builder up = new QuantileSketch.Builder();
        QuantileSketch.Builder down = new QuantileSketch.Builder();
        for (long v = 0; v <= 5000; v += 3) {
            up.add(v);
            down.add(5000 - v + 2);
        }
        // Same values, added so that the builders' bucket arrays grew differently.
        QuantileSketch.Builder again = new QuantileSketch.Builder().addAll(down.build());

        assertThat(again.build()).isEqualTo(down.build()).hasSameHashCodeAs(down.build());
        assertThat(up.build()).isNotEqualTo(down.build());
        assertThat(new QuantileSketch.Builder().build()).isEqualTo(QuantileSketch.EMPTY);
    }

    @Test
    void decode_encodedSketch_isEqualAndAnswersTheSameQuantiles() {
        QuantileSketch.Builder builder = new QuantileSketch.Builder();
        for (long v : new long[] {0, 0, 3, 4, 1_000, 1_020, 70_000, 9_000_000_000L}) {
            builder.add(v);
        }
        QuantileSketch sketch = builder.build();

        long[] encoded = sketch.encode();
        QuantileSketch decoded = QuantileSketch.decode(encoded);

        assertThat(decoded).isEqualTo(sketch);
        assertThat(decoded.encode()).isEqualTo(encoded);
        for (double q : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
            assertThat(decoded.quantile(q)).as("q=" + q).isEqualTo(sketch.quantile(q));
        }
        assertThat(decoded.count()).isEqualTo(8);
        assertThat(decoded.sum()).isEqualTo(sketch.sum());
        // min, max, sum, zero count, offset, then counts with runs of empty buckets as negatives
        assertThat(encoded).containsExactly(0, 9_000_000_000L, 9_000_072_027L, 2,
                55, 1, -14, 1, -275, 1, 1, -210, 1, -587, 1);
    }

    @Test
    void decode_emptyAndOnlyZeros_roundTrip() {
        QuantileSketch zeros = new QuantileSketch.Builder().add(0).add(-5).build();

        assertThat(QuantileSketch.EMPTY.encode()).isEmpty();
        assertThat(QuantileSketch.decode(new long[0])).isEqualTo(QuantileSketch.EMPTY);
        assertThat(zeros.encode()).containsExactly(0, 0, 0, 2);
        assertThat(QuantileSketch.decode(zeros.encode())).isEqualTo(zeros);
    }

    @Test
    void decode_notASketch_isRejected() {
        assertThatThrownBy(() -> QuantileSketch.decode(new long[] {5, 3, 8, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an encoded sketch: min 5, max 3, zero count 0");
        assertThatThrownBy(() -> QuantileSketch.decode(new long[] {1, 3, 4, 0, 0, -2, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an encoded sketch: buckets must start and end with a count");
    }
}
