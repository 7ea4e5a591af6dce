package io.sparkwise.state;

import io.sparkwise.model.SqlExecution.SqlMetricValue;

import java.util.HashMap;
import java.util.Map;


/**
 * Aggregates the updates of SQL plan metrics (accumulators named in a plan's sparkPlanInfo) from
 * task accumulables and driver updates: sum, min, max and count per accumulator. Only registered
 * accumulators are kept, so memory is bounded by the size of the plans.
 */
final class SqlMetrics {

    private final LongMap<long[]> values = new LongMap<>();

    void register(long accumulatorId) {
        if (accumulatorId >= 0 && !values.containsKey(accumulatorId)) {
            values.put(accumulatorId, new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, 0});
        }
    }

    int size() {
        return values.size();
    }

    /** Drops an accumulator of a folded execution: its plan is gone, its values are not needed. */
    void forget(long accumulatorId) {
        values.remove(accumulatorId);
    }

    void update(long accumulatorId, long value) {
        long[] v = values.get(accumulatorId);
        if (v != null) {
            v[0] += value;
            v[1] = Math.min(v[1], value);
            v[2] = Math.max(v[2], value);
            v[3]++;
        }
    }

    Map<Long, SqlMetricValue> values() {
        Map<Long, SqlMetricValue> out = new HashMap<>();
        values.forEach((id, v) -> {
            if (v[3] > 0) {
                out.put(id, new SqlMetricValue(v[0], v[1], v[2], v[3]));
            }
        });
        return out;
    }
}
