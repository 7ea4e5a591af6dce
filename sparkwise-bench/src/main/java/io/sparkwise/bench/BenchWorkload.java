package io.sparkwise.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The Spark work whose event log the benchmark reads. What makes a log big is the number of
 * tasks (a Spark 4 SQL task end event is 3-6 KB of JSON), so every round runs stages of
 * thousands of small tasks, and covers what a History Server has to rebuild: SQL executions with
 * plans and AQE updates, sort-merge joins over a skewed key, aggregations, a cached table (RDD
 * storage events), a sort that spills, and a plain RDD job.
 */
final class BenchWorkload {

    /** Keys of the fact table; key 0 is hot (a third of the rows), the rest uniform. */
    static final long KEYS = 50_000;

    private BenchWorkload() {}

    /**
     * @param rounds how many times the SQL block (skewed join + aggregates) runs, each about
     *     {@code 3 * shufflePartitions + 130} tasks
     * @param rddJobs how many RDD jobs run, each {@code 2 * rddSlices} tasks
     */
    static void run(SparkSession spark, int rounds, int shufflePartitions, int rddJobs, int rddSlices, long rows) {
        spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
        // Sort-merge joins, not broadcast; keep the thousands of reduce tasks (no coalescing), so
        // the log has the task count a production job has. AQE stays on for its plan updates.
        spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
        spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
        spark.conf().set("spark.sql.adaptive.skewJoin.enabled", "false");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

        Dataset<Row> customers = spark.range(0, KEYS, 1, 16)
                .select(col("id").as("customer_id"),
                        concat(lit("segment-"), col("id").mod(7)).as("segment"),
                        col("id").mod(11).as("region"));
        customers.persist(StorageLevel.MEMORY_AND_DISK());
        customers.createOrReplaceTempView("customers");
        step(spark, "cache customers", () -> customers.count());

        for (int round = 0; round < rounds; round++) {
            long seed = round;
            Dataset<Row> orders = spark.range(0, rows, 1, 64)
                    .select(when(col("id").mod(3).equalTo(0), lit(0L))
                                    .otherwise(col("id").multiply(7919L + seed).mod(KEYS)).as("customer_id"),
                            col("id").mod(1000).cast("double").as("amount"),
                            col("id").as("order_id"));
            orders.createOrReplaceTempView("orders");
            step(spark, "round " + round + ": skewed join + aggregate", () -> spark.sql("""
                    SELECT c.region, c.segment, count(*) AS n, sum(o.amount) AS revenue,
                           max(o.order_id) AS last_order
                    FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                    GROUP BY c.region, c.segment""").collectAsList());
            step(spark, "round " + round + ": per-customer aggregate", () -> orders
                    .groupBy("customer_id")
                    .agg(count(lit(1)).as("n"), sum("amount").as("total"), max("order_id").as("last"))
                    .filter(col("n").gt(1))
                    .count());
        }
        // RDD tasks cost the driver a third of what SQL tasks do (no plan, fewer metrics): most of
        // the log's task count comes from here, to keep generation within minutes on 2 cores.
        for (int job = 0; job < rddJobs; job++) {
            long seed = job;
            step(spark, "RDD job " + job + ": reduceByKey", () -> rddJob(jsc, rddSlices, seed));
        }
        // Written to the noop sink, so the optimizer keeps the sort (an aggregate over it would
        // drop it); 4 partitions of rows each, against a memory region of tens of MB, spill.
        step(spark, "sort that spills", () -> spark.range(0, rows * 4, 1, 4)
                .select(col("id").multiply(2654435761L).mod(1_000_000_007L).as("k"),
                        concat(lit("payload-"), col("id")).as("v"))
                .sortWithinPartitions("k", "v")
                .write().format("noop").mode("overwrite").save());
        customers.unpersist(true);
    }

    /**
     * A plain RDD job: no SQL metrics, but two named accumulators, which Spark records in every
     * task end event as users' own jobs do.
     */
    private static long rddJob(JavaSparkContext jsc, int slices, long seed) {
        LongAccumulator records = jsc.sc().longAccumulator("records generated");
        LongAccumulator hot = jsc.sc().longAccumulator("hot keys seen");
        List<Integer> seeds = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            seeds.add(i);
        }
        JavaRDD<Integer> parts = jsc.parallelize(seeds, slices);
        JavaPairRDD<Long, Long> pairs = parts.flatMapToPair(i -> {
            List<Tuple2<Long, Long>> out = new ArrayList<>(50);
            for (int j = 0; j < 50; j++) {
                long key = (i * 31L + j + seed) % 997;
                out.add(new Tuple2<>(key, (long) j));
                if (key == 0) {
                    hot.add(1);
                }
            }
            records.add(out.size());
            return out.iterator();
        });
        return pairs.reduceByKey(Long::sum, slices).count();
    }

    private static void step(SparkSession spark, String description, Runnable body) {
        spark.sparkContext().setJobDescription(description);
        long start = System.nanoTime();
        body.run();
        System.err.printf("generate: %-45s %6.1f s%n", description, (System.nanoTime() - start) / 1e9);
        spark.sparkContext().setJobDescription(null);
    }
}
