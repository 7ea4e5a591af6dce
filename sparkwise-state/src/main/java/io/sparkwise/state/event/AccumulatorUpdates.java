package io.sparkwise.state.event;

import java.util.Arrays;

/**
 * Numeric accumulator updates as (accumulator id, update) pairs: a task's accumulables, or the
 * driver's updates of SQL metrics. Two parallel arrays, not an object per pair: a task of a SQL
 * query carries dozens of them and tasks are almost all of a log's events.
 */
public final class AccumulatorUpdates {

    public static final AccumulatorUpdates EMPTY = new AccumulatorUpdates(new long[0], new long[0]);

    private final long[] ids;
    private final long[] updates;

    private AccumulatorUpdates(long[] ids, long[] updates) {
        this.ids = ids;
        this.updates = updates;
    }

    /** The first {@code count} pairs of the two arrays (copied). */
    public static AccumulatorUpdates of(long[] ids, long[] updates, int count) {
        if (count < 0 || count > ids.length || count > updates.length) {
            throw new IllegalArgumentException("count out of range: " + count);
        }
        return count == 0 ? EMPTY : new AccumulatorUpdates(Arrays.copyOf(ids, count), Arrays.copyOf(updates, count));
    }

    public int size() {
        return ids.length;
    }

    public long id(int i) {
        return ids[i];
    }

    public long update(int i) {
        return updates[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccumulatorUpdates other && Arrays.equals(ids, other.ids)
                && Arrays.equals(updates, other.updates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(updates);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("AccumulatorUpdates[");
        for (int i = 0; i < ids.length; i++) {
            s.append(i == 0 ? "" : ", ").append(ids[i]).append('=').append(updates[i]);
        }
        return s.append(']').toString();
    }
}
