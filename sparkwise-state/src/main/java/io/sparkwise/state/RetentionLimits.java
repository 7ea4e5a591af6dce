package io.sparkwise.state;

/**
 * How many finished jobs, stage attempts and SQL executions the state keeps one by one; older
 * finished ones are folded into {@link io.sparkwise.model.FoldedTotals}, so the memory of a driver
 * that runs for days stays bounded. Running entities are always kept.
 *
 * @param maxJobs finished jobs kept (Spark: spark.ui.retainedJobs)
 * @param maxStages finished stage attempts kept (Spark: spark.ui.retainedStages)
 * @param maxSqlExecutions finished SQL executions kept (Spark: spark.sql.ui.retainedExecutions)
 */
public record RetentionLimits(int maxJobs, int maxStages, int maxSqlExecutions) {

    /**
     * Spark's own defaults, 1000 each (docs/configuration.md of Spark; the History Server applies
     * them when it replays a log too). No log of the shared corpus comes near them.
     */
    public static final RetentionLimits DEFAULT = new RetentionLimits(1000, 1000, 1000);

    public RetentionLimits {
        if (maxJobs < 0) {
            throw new IllegalArgumentException("maxJobs is negative: " + maxJobs);
        }
        if (maxStages < 0) {
            throw new IllegalArgumentException("maxStages is negative: " + maxStages);
        }
        if (maxSqlExecutions < 0) {
            throw new IllegalArgumentException("maxSqlExecutions is negative: " + maxSqlExecutions);
        }
    }
}
