package io.sparkwise.demo.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One quantity over repeated runs: median and range. Two spreads differ measurably only when their
 * ranges do not overlap: with 3 runs each, every run on one side beat every run on the other.
 */
record DemoSpread(long median, long min, long max) {

    DemoSpread {
        if (min > median || median > max) {
            throw new IllegalArgumentException("not min <= median <= max: " + min + ", " + median + ", " + max);
        }
    }

    static <T> DemoSpread of(List<T> runs, ToLongFunction<T> quantity) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        List<Long> values = new ArrayList<>();
        runs.forEach(r -> values.add(quantity.applyAsLong(r)));
        Collections.sort(values);
        int n = values.size();
        long median = n % 2 == 1 ? values.get(n / 2) : Math.round((values.get(n / 2 - 1) + values.get(n / 2)) / 2.0);
        return new DemoSpread(median, values.get(0), values.get(n - 1));
    }

    /** Smaller is better: IMPROVED when every run here beat every run of {@code before}. */
    DemoVerdict versus(DemoSpread before) {
        if (max < before.min) {
            return DemoVerdict.IMPROVED;
        }
        if (min > before.max) {
            return DemoVerdict.WORSE;
        }
        return DemoVerdict.NO_MEASURABLE_CHANGE;
    }
}
