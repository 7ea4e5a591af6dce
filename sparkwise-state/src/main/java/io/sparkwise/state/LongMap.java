package io.sparkwise.state;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A hash map from long keys to values without boxing the keys: open addressing with linear
 * probing. The parser looks up task ids and accumulator ids once per task event or accumulator
 * update, millions of times for a big log; a HashMap&lt;Long, V&gt; allocates a Long per lookup.
 */
final class LongMap<V> {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private Object[] values;
    private int size;

    LongMap() {
        keys = new long[16];
        Arrays.fill(keys, EMPTY);
        values = new Object[16];
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = find(key);
        return i < 0 ? null : (V) values[i];
    }

    boolean containsKey(long key) {
        return find(key) >= 0;
    }

    void put(long key, V value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key not supported: " + key);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes {@code key}; true when it was there. */
    boolean remove(long key) {
        int i = find(key);
        if (i < 0) {
            return false;
        }
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int mask = keys.length - 1;
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != EMPTY) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
        values[hole] = null;
        size--;
        return true;
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<Long, V> consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                consumer.accept(keys[i], (V) values[i]);
            }
        }
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
