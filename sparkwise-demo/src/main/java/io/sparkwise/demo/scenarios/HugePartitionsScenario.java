package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Huge shuffle partitions: {@code spark.sql.shuffle.partitions=1}, left in a job's defaults from
 * when it ran on a sample, on a sessionization query. The window
 * ({@code lag(ts) OVER (PARTITION BY user_id ORDER BY ts)}) shuffles every event, body included,
 * into one partition: one task reads all 956 MiB of it and sorts it while the other core idles,
 * and the sort outgrows the execution memory a task can get, so it spills (954 MiB) and merges.
 * AQE cannot help: it coalesces small partitions, it does not split one that is large by design.
 *
 * <p>Sizing: the rule needs a median of 384 MiB per task (3x the 128 MiB target); 260,000 events
 * of 4 KiB make a 956 MiB shuffle (2.5x that). The size is chosen to pass the 1 GiB of execution
 * memory a lone task gets from the demo's 2 GiB heap once the rows are in memory (peak 1.04 GiB):
 * at 625 MiB nothing spilled and the fix only spread the work over the idle core, which a busy
 * machine does not have; with the spill, the fix (8 partitions, from the rule) also removes work
 * (the reduce stage's CPU time fell from 15 to 11 s). The bodies must not shrink in the shuffle's
 * LZ4 compression, or the data would need to be several times larger in memory: see {@link #run}.
 */
public final class HugePartitionsScenario implements Scenario {

    static final long USERS = 20_000;
    static final long EVENTS = 260_000;
    static final int BODIES = 256;
    static final String PARTITIONS = "1";

    @Override
    public String name() {
        return "huge-partitions";
    }

    @Override
    public String description() {
        return "spark.sql.shuffle.partitions=1 on a 956 MiB shuffle: one task sorts it all, spilling,"
                + " while a core idles";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("partitioning.huge-partitions");
    }

    /**
     * The spill is the huge partition's cost, by design (memory.spill links it to this finding as
     * its cause). At demo scale it is info (~10 wasted core-seconds, the warning floor is 300);
     * accepted so that a larger run stays ground truth.
     */
    @Override
    public Set<String> acceptedRules() {
        return Set.of("memory.spill");
    }

    @Override
    public Map<String, String> sessionConfig() {
        return Map.of("spark.sql.shuffle.partitions", PARTITIONS);
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        // 256 bodies of 4 KiB of SHA-512 hex: cheap to make (8192 hashes), and events pick one by
        // hash, so a 32 KiB LZ4 block of shuffle data rarely holds the same body twice and the
        // shuffle stays about as large compressed as in memory.
        Dataset<Row> bodies = spark.range(0, BODIES, 1, 1).selectExpr("id AS body_id",
                "concat_ws('', transform(sequence(0, 31), i -> sha2(concat(id, '-', i), 512))) AS body");
        spark.range(0, EVENTS, 1, 2).selectExpr(
                        "id AS event_id",
                        DemoData.uniform("id", 31, USERS) + " AS user_id",
                        "timestamp_seconds(unix_seconds(TIMESTAMP'2024-06-01 00:00:00') + "
                                + DemoData.uniform("id", 32, 30 * 86_400) + ") AS ts",
                        DemoData.uniform("id", 33, BODIES) + " AS body_id")
                .join(functions.broadcast(bodies), "body_id")
                .createOrReplaceTempView("events");
        step(spark, "sessions and body bytes per user", () -> spark.sql("""
                SELECT user_id, count(*) AS events,
                       sum(CASE WHEN gap IS NULL OR gap > 1800 THEN 1 ELSE 0 END) AS sessions,
                       sum(length(body)) AS body_bytes
                FROM (SELECT user_id, body,
                             unix_seconds(ts) - unix_seconds(lag(ts) OVER (PARTITION BY user_id ORDER BY ts)) AS gap
                      FROM events)
                GROUP BY user_id""").collectAsList());
    }
}
