package io.sparkwise.analysis;

import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.StageAttempt;

/**
 * Numbers derived once per application that many rules need: wall time, what the executors were
 * paid for (allocated core-seconds) and what tasks used (task core-seconds).
 *
 * @param wallTimeMs application duration
 * @param allocatedCoreMs sum over executors of alive time x cores (the driver counts only in local
 *     mode, where it is the executor)
 * @param taskCoreMs sum of executor run time over all tasks, failed ones included
 * @param maxConcurrentCores the most cores alive at once (upper bound: sum of all executors' cores)
 */
public record ApplicationProfile(long wallTimeMs, long allocatedCoreMs, long taskCoreMs, int maxConcurrentCores,
                                 int executorCount) {

    public static ApplicationProfile of(Application app) {
        long wall = Math.max(0, app.info().duration());
        long end = app.info().endTime().orElse(app.info().lastEventTime());
        long start = app.info().startTime().orElse(end - wall);
        boolean hasExecutors = app.executors().stream().anyMatch(e -> !e.isDriver());
        long allocated = 0;
        int cores = 0;
        int count = 0;
        for (Executor e : app.executors()) {
            if (e.isDriver() && hasExecutors) {
                continue;
            }
            long from = Math.max(start, e.addTime());
            long to = e.removeTime().orElse(end);
            allocated += Math.max(0, to - from) * (long) e.totalCores();
            cores += e.totalCores();
            count++;
        }
        long task = 0;
        for (StageAttempt s : app.stages()) {
            task += s.metrics().executorRunTime();
        }
        return new ApplicationProfile(wall, allocated, task, cores, count);
    }

    public double allocatedCoreSeconds() {
        return allocatedCoreMs / 1000.0;
    }

    public double taskCoreSeconds() {
        return taskCoreMs / 1000.0;
    }
}
