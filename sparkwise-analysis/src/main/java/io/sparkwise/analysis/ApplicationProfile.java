package io.sparkwise.analysis;

import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.spark.ExecutorTimeline;

/**
 * Numbers derived once per application that many rules need: wall time, what the executors were
 * paid for (allocated core-seconds) and what tasks used (task core-seconds).
 *
 * @param wallTimeMs application duration
 * @param allocatedCoreMs sum over executors of alive time x cores ({@link ExecutorTimeline#coreMs}; the
 *     driver counts only in local mode, where it is the executor)
 * @param taskCoreMs sum of executor run time over all tasks, failed ones included
 * @param maxConcurrentCores the most cores alive at once (upper bound: sum of all executors' cores)
 */
public record ApplicationProfile(long wallTimeMs, long allocatedCoreMs, long taskCoreMs, int maxConcurrentCores,
                                 int executorCount) {

    public static ApplicationProfile of(Application app) {
        ExecutorTimeline timeline = ExecutorTimeline.of(app);
        long task = 0;
        for (StageAttempt s : app.stages()) {
            task += s.metrics().executorRunTime();
        }
        return new ApplicationProfile(Math.max(0, app.info().duration()), timeline.coreMs(), task,
                timeline.totalCores(), timeline.lifetimes().size());
    }

    public double allocatedCoreSeconds() {
        return allocatedCoreMs / 1000.0;
    }

    public double taskCoreSeconds() {
        return taskCoreMs / 1000.0;
    }
}
