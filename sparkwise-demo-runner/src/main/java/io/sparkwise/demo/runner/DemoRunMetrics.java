package io.sparkwise.demo.runner;

import io.sparkwise.analysis.ApplicationProfile;
import io.sparkwise.model.Application;

/**
 * What one demo run cost, from its event log (the clock of the Spark application, not of the
 * child JVM, so JVM start-up and data generation outside Spark do not count).
 *
 * @param wallMs application duration
 * @param executorCoreMs executor lifetimes x their cores: what a cluster bills (in local mode the
 *     driver is the executor)
 * @param taskCoreMs executor run time summed over all tasks: what the work used
 */
record DemoRunMetrics(long wallMs, long executorCoreMs, long taskCoreMs) {

    static DemoRunMetrics of(Application application) {
        ApplicationProfile profile = ApplicationProfile.of(application);
        return new DemoRunMetrics(profile.wallTimeMs(), profile.allocatedCoreMs(), profile.taskCoreMs());
    }
}
