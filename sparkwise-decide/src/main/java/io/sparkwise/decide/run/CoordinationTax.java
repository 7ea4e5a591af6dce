package io.sparkwise.decide.run;

import io.sparkwise.analysis.ApplicationProfile;
import io.sparkwise.model.Application;
import io.sparkwise.model.Job;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskMetric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What Spark's coordination cost one run, measured from its event log.
 *
 * <p>Core time (what executors were paid for) splits into: work (task run time minus shuffle
 * fetch wait), shuffle fetch wait (tasks blocked on remote blocks), task start-up (deserializing
 * the task and serializing its result) and idle (allocated cores running no task: executors
 * waiting for the driver, for stragglers, or for the next job). Wall time shows two serial
 * taxes: driver gaps (no job running: driver-side planning, listing files, collecting results,
 * user code) and scheduling delay (a stage submitted but no task launched yet), the latter
 * summed over stages and so possibly overlapping itself when stages run in parallel.
 */
public record CoordinationTax(long wallMs, long allocatedCoreMs, long workCoreMs, long fetchWaitCoreMs,
                              long taskStartupCoreMs, long idleCoreMs, long driverGapMs, long schedulingDelayMs,
                              long inputBytes, long shuffleBytes, long outputBytes) {

    public static CoordinationTax of(Application app) {
        ApplicationProfile profile = ApplicationProfile.of(app);
        long fetchWait = 0;
        long startup = 0;
        long input = 0;
        long shuffle = 0;
        long output = 0;
        long schedulingDelay = 0;
        for (StageAttempt s : app.stages()) {
            fetchWait += s.metrics().get(TaskMetric.SHUFFLE_FETCH_WAIT_TIME);
            startup += s.metrics().get(TaskMetric.EXECUTOR_DESERIALIZE_TIME) + s.metrics().get(TaskMetric.RESULT_SERIALIZATION_TIME);
            input += s.metrics().inputBytes();
            shuffle += s.metrics().shuffleReadBytes();
            output += s.metrics().outputBytes();
            if (s.submissionTime().isPresent() && s.firstTaskLaunchedTime().isPresent()) {
                schedulingDelay += Math.max(0, s.firstTaskLaunchedTime().getAsLong() - s.submissionTime().getAsLong());
            }
        }
        long runTime = profile.taskCoreMs();
        long work = Math.max(0, runTime - fetchWait);
        long idle = Math.max(0, profile.allocatedCoreMs() - runTime - startup);
        return new CoordinationTax(profile.wallTimeMs(), profile.allocatedCoreMs(), work, Math.min(fetchWait, runTime),
                startup, idle, driverGaps(app.jobs(), profile.wallTimeMs()), schedulingDelay, input, shuffle, output);
    }

    /** Wall time in which no job ran: the application's duration minus the union of job intervals. */
    static long driverGaps(List<Job> jobs, long wallMs) {
        List<long[]> intervals = new ArrayList<>();
        for (Job j : jobs) {
            if (j.submissionTime().isPresent() && j.completionTime().isPresent()) {
                intervals.add(new long[] {j.submissionTime().getAsLong(), j.completionTime().getAsLong()});
            }
        }
        intervals.sort(Comparator.comparingLong(i -> i[0]));
        long covered = 0;
        long end = Long.MIN_VALUE;
        for (long[] i : intervals) {
            if (i[0] > end) {
                covered += i[1] - i[0];
                end = i[1];
            } else if (i[1] > end) {
                covered += i[1] - end;
                end = i[1];
            }
        }
        return Math.max(0, wallMs - covered);
    }

    /**
     * The data volume the other engines are sized on: the bytes read from files, or, for a run
     * that read none (data made in memory, cached, or from a non-file source), its shuffle read.
     */
    public long dataVolumeBytes() {
        return inputBytes > 0 ? inputBytes : shuffleBytes;
    }

    /** Share of the allocated core time that was not work, 0..1. */
    public double taxShare() {
        return allocatedCoreMs == 0 ? 0 : 1.0 - (double) workCoreMs / allocatedCoreMs;
    }
}
