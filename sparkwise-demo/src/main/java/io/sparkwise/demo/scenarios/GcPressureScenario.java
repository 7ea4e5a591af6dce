package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.Cluster;
import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * GC pressure: an executor of 512 MiB (local-cluster, a real executor JVM) for a job whose objects
 * fill most of that heap. The job caches 1M orders as Java objects ({@code MEMORY_ONLY},
 * deserialized: 100 MB in the block manager) because it reads them twice, and its user code (a
 * {@code mapPartitions}) groups each partition's orders per customer in a {@code HashMap} of
 * history lines, then renders one statement per customer for each of 15 billing periods (a
 * backfill) and hands them to a sink in batches of 20,000. With the four tasks' histories about
 * 430 of the 512 MiB stay live after every full collection: the young generation is a few MiB, each
 * batch in flight is promoted before it dies, and the old generation fills up again and again
 * (20 to 30 full collections in the stage).
 *
 * <p>Sizing, against {@code gc.stage-gc} (a stage of at least a core-minute of run time with 10%
 * or more of it in GC): the statements stage is the application's work, 48-57% of its run time in
 * GC in every run measured. The recommended 1 or 2 GiB hold the same objects with room to spare:
 * no full collection, the batches die young, and what GC remains (8-11%, near G1's own target while
 * it grows the heap) is spent copying the histories while they are built. More history per task
 * (more orders, more lines per order) and the executor runs out of memory, which is the
 * {@code executor-oom} scenario, not this one.
 *
 * <p>The executor declares 4 cores on a 2-core machine: four tasks share the 512 MiB heap, as they
 * would on a cluster, and the stage passes its core-minute of run time in about half the wall time
 * 2 cores would need, which the demo's time budget could not afford.
 */
public final class GcPressureScenario implements Scenario {

    static final long ORDERS = 1_000_000;
    static final long CUSTOMERS = 200_000;
    /** One partition per task slot: the four histories are built, and live, at the same time. */
    static final int PARTITIONS = 4;
    /** History lines per order (ordered, shipped): the histories are most of the live heap. */
    static final int LINES_PER_ORDER = 2;
    static final int BILLING_PERIODS = 15;
    static final int BATCH_SIZE = 20_000;

    @Override
    public String name() {
        return "gc-pressure";
    }

    @Override
    public String description() {
        return "1M orders cached as Java objects and grouped per customer in user code on a 512 MiB, "
                + "4-core executor: heap nearly full, about half the stage's time in GC";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("gc.stage-gc");
    }

    /**
     * The injected problem is the executor's size: its {@code spark.executor.memory=512m} comes
     * from here, so a fix that asks for more memory overrides it and gets workers that fit
     * ({@link Cluster#fitting}).
     */
    @Override
    public Cluster cluster() {
        return Cluster.localCluster(1, 4, 512);
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        JavaRDD<Order> orders = DemoData.orders(spark, ORDERS, CUSTOMERS, 0, PARTITIONS).toJavaRDD()
                .map(row -> new Order(row.getLong(0), row.getLong(1), row.getDecimal(2).doubleValue(),
                        row.getDate(3).toString()))
                .persist(StorageLevel.MEMORY_ONLY());
        long checksum = step(spark, "customer statements for " + BILLING_PERIODS + " billing periods",
                () -> orders.mapPartitions(GcPressureScenario::statements).reduce(Long::sum));
        double revenue = step(spark, "control total of the cached orders",
                () -> orders.map(Order::amount).reduce(Double::sum));
        System.err.printf(Locale.ROOT, "demo:   statements checksum %d, control total %.2f%n", checksum, revenue);
    }

    /**
     * User code as it is often written: the partition's orders grouped per customer in memory, then
     * rendered. Returns the checksum of what the sink received, so the rendering is not dead code.
     */
    static Iterator<Long> statements(Iterator<Order> orders) {
        Map<Long, List<String>> history = new HashMap<>();
        orders.forEachRemaining(o -> {
            List<String> lines = history.computeIfAbsent(o.customerId(), k -> new ArrayList<>());
            for (int event = 0; event < LINES_PER_ORDER; event++) {
                lines.add("event " + event + " of order " + o.orderId() + " by customer-" + o.customerId() + " on "
                        + o.date() + ": " + o.amount() + " EUR");
            }
        });
        long checksum = 0;
        for (int period = 0; period < BILLING_PERIODS; period++) {
            List<String> batch = new ArrayList<>(BATCH_SIZE);
            for (Map.Entry<Long, List<String>> customer : history.entrySet()) {
                batch.add("customer-" + customer.getKey() + " period " + period + ": "
                        + String.join("; ", customer.getValue()));
                if (batch.size() == BATCH_SIZE) {
                    checksum += send(batch);
                    batch = new ArrayList<>(BATCH_SIZE);
                }
            }
            checksum += send(batch);
        }
        return List.of(checksum).iterator();
    }

    /** Stands in for a sink (a message queue, a mail service): it reads every statement. */
    private static long send(List<String> batch) {
        return batch.hashCode();
    }

    /** One order as user code holds it: a Java object per row. */
    record Order(long orderId, long customerId, double amount, String date) implements Serializable {}
}
