package io.sparkwise.model;

import java.util.Arrays;

/**
 * A mergeable quantile sketch for non-negative long values with 1% relative error (the DDSketch
 * idea: logarithmic buckets, so any quantile estimate is within 1% of a true value of the data).
 *
 * <p>Why not keep the values: a stage can have 100,000 tasks and an application thousands of
 * stages; the sketch keeps at most a few hundred counters per metric whatever the task count
 * (values up to 2^63 span about 2,200 buckets at 1%, and real metrics use a small band of them).
 * Exact count, min, max and sum are kept beside the buckets.
 *
 * <p>Use {@link Builder} to add values; the sketch itself is immutable.
 */
public final class QuantileSketch {

    public static final double RELATIVE_ACCURACY = 0.01;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    public static final QuantileSketch EMPTY = new Builder().build();

    private final long count;
    private final long zeroCount;
    private final long min;
    private final long max;
    private final long sum;
    private final int offset;
    private final long[] buckets;

    private QuantileSketch(long count, long zeroCount, long min, long max, long sum, int offset, long[] buckets) {
        this.count = count;
        this.zeroCount = zeroCount;
        this.min = min;
        this.max = max;
        this.sum = sum;
        this.offset = offset;
        this.buckets = buckets;
    }

    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Exact minimum; 0 when empty. */
    public long min() {
        return count == 0 ? 0 : min;
    }

    /** Exact maximum; 0 when empty. */
    public long max() {
        return count == 0 ? 0 : max;
    }

    public long sum() {
        return sum;
    }

    public double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The value at quantile {@code q} in [0, 1], picked as the History Server picks it (the
     * element at index min(q x count, count - 1) of the sorted values), within 1%. Exact at 0 and 1.
     */
    public long quantile(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile is not in [0, 1]: " + q);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.min((long) (q * count), count - 1);
        if (rank == 0) {
            return min;
        }
        if (rank == count - 1) {
            return max;
        }
        if (rank < zeroCount) {
            return 0;
        }
        long seen = zeroCount;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen > rank) {
                long estimate = Math.round(2 * Math.pow(GAMMA, i + offset) / (GAMMA + 1));
                return Math.max(min, Math.min(max, estimate));
            }
        }
        return max;
    }

    public QuantileSketch merge(QuantileSketch other) {
        Builder b = new Builder();
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    @Override
    public String toString() {
        return "QuantileSketch{count=" + count + ", min=" + min() + ", median=" + quantile(0.5) + ", max=" + max() + "}";
    }

    /** Collects values; not thread-safe. */
    public static final class Builder {
        private long count;
        private long zeroCount;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private long sum;
        private int offset;
        private long[] buckets = new long[0];

        /** Adds one value; negative values count as 0. */
        public Builder add(long value) {
            long v = Math.max(0, value);
            count++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v == 0) {
                zeroCount++;
            } else {
                increment(bucketIndex(v), 1);
            }
            return this;
        }

        public Builder addAll(QuantileSketch sketch) {
            if (sketch.count == 0) {
                return this;
            }
            count += sketch.count;
            zeroCount += sketch.zeroCount;
            sum += sketch.sum;
            min = Math.min(min, sketch.min);
            max = Math.max(max, sketch.max);
            for (int i = 0; i < sketch.buckets.length; i++) {
                if (sketch.buckets[i] != 0) {
                    increment(i + sketch.offset, sketch.buckets[i]);
                }
            }
            return this;
        }

        public long count() {
            return count;
        }

        public QuantileSketch build() {
            return new QuantileSketch(count, zeroCount, min, max, sum, offset, Arrays.copyOf(buckets, buckets.length));
        }

        private static int bucketIndex(long value) {
            return (int) Math.ceil(Math.log(value) / LOG_GAMMA);
        }

        private void increment(int index, long by) {
            if (buckets.length == 0) {
                offset = index;
                buckets = new long[8];
            } else if (index < offset) {
                int grow = Math.max(offset - index, 8);
                long[] bigger = new long[buckets.length + grow];
                System.arraycopy(buckets, 0, bigger, grow, buckets.length);
                buckets = bigger;
                offset -= grow;
            } else if (index - offset >= buckets.length) {
                buckets = Arrays.copyOf(buckets, Math.max(index - offset + 1, buckets.length * 2));
            }
            buckets[index - offset] += by;
        }
    }
}
