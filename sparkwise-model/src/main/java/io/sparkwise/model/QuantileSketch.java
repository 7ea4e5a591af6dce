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
 * <p>Use {@link Builder} to add values; the sketch itself is immutable. Two sketches are equal when
 * they hold the same counts, whatever order the values came in and however the builder's bucket
 * array grew. {@link #encode()} and {@link #decode(long[])} turn a sketch into a few longs and back
 * (for results stored as JSON, Parquet or in a database; docs/json.md, "lossless").
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

    /**
     * The sketch as a compact array of longs: {@code []} when empty, else {@code [min, max, sum,
     * zeroCount]} followed, when some value was above 0, by {@code offset} (the index of the first
     * non-empty bucket) and the bucket counts from there to the last non-empty bucket, a run of
     * {@code k} empty buckets written as {@code -k}. The count is the zero count plus the bucket
     * counts. Why runs: task durations of one stage fill a narrow band of buckets, often with gaps;
     * a stage's 23 sketches then take a few hundred bytes of JSON instead of kilobytes.
     */
    public long[] encode() {
        if (count == 0) {
            return new long[0];
        }
        int first = 0;
        int last = buckets.length - 1;
        while (first <= last && buckets[first] == 0) {
            first++;
        }
        while (last >= first && buckets[last] == 0) {
            last--;
        }
        long[] out = new long[5 + Math.max(0, last - first + 1)];
        out[0] = min;
        out[1] = max;
        out[2] = sum;
        out[3] = zeroCount;
        if (first > last) {
            return Arrays.copyOf(out, 4);
        }
        out[4] = first + offset;
        int n = 5;
        for (int i = first; i <= last; i++) {
            if (buckets[i] != 0) {
                out[n++] = buckets[i];
            } else if (out[n - 1] < 0) {
                out[n - 1]--;
            } else {
                out[n++] = -1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The sketch {@link #encode()} gave {@code encoded}.
     *
     * @throws IllegalArgumentException when {@code encoded} is not such an array
     */
    public static QuantileSketch decode(long[] encoded) {
        if (encoded.length == 0) {
            return EMPTY;
        }
        if (encoded.length == 5 || encoded.length < 4) {
            throw new IllegalArgumentException("not an encoded sketch: " + encoded.length + " values");
        }
        long min = encoded[0];
        long max = encoded[1];
        long zeroCount = encoded[3];
        if (min < 0 || max < min || zeroCount < 0 || (zeroCount > 0) != (min == 0)) {
            throw new IllegalArgumentException("not an encoded sketch: min " + min + ", max " + max
                    + ", zero count " + zeroCount);
        }
        if (encoded.length == 4) {
            if (zeroCount == 0 || max != 0) {
                throw new IllegalArgumentException("not an encoded sketch: no bucket holds the values above 0");
            }
            return new QuantileSketch(zeroCount, zeroCount, min, max, encoded[2], 0, new long[0]);
        }
        long offset = encoded[4];
        if (offset < 0 || offset > Integer.MAX_VALUE || encoded[5] <= 0 || encoded[encoded.length - 1] <= 0) {
            throw new IllegalArgumentException("not an encoded sketch: buckets must start and end with a count");
        }
        long width = 0;
        for (int i = 5; i < encoded.length; i++) {
            width += encoded[i] > 0 ? 1 : -encoded[i];
        }
        if (width > 4096) {
            // A long spans about 2,200 buckets at 1%: more is not a sketch of ours.
            throw new IllegalArgumentException("not an encoded sketch: " + width + " buckets");
        }
        long[] buckets = new long[(int) width];
        long count = zeroCount;
        int at = 0;
        for (int i = 5; i < encoded.length; i++) {
            if (encoded[i] > 0) {
                buckets[at++] = encoded[i];
                count += encoded[i];
            } else {
                at += (int) -encoded[i];
            }
        }
        return new QuantileSketch(count, zeroCount, min, max, encoded[2], (int) offset, buckets);
    }

    /** Same counts, minimum, maximum and sum: the same values as far as a sketch can tell. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QuantileSketch other)) {
            return false;
        }
        if (count == 0 || other.count == 0) {
            return count == other.count;
        }
        return count == other.count && zeroCount == other.zeroCount && min == other.min && max == other.max
                && sum == other.sum && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
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
