package io.sparkwise.analysis.rules.memory;

import io.sparkwise.model.Application;
import io.sparkwise.model.Job;

import java.util.List;

/** Small helpers for memory rule tests: per-task values and what TestApps cannot express. */
final class ShuffleFixtures {

    private ShuffleFixtures() {
    }

    static long[] oneLarge(int n, long typical, long large) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, typical);
        v[n - 1] = large;
        return v;
    }

    /** The application with its jobs replaced (to set a job's failure reason). */
    static Application withJobs(Application app, List<Job> jobs) {
        return new Application(app.info(), app.environment(), app.resourceProfiles(), jobs, app.stages(),
                app.executors(), app.sqlExecutions(), app.taskFailures(), app.readReport());
    }

    static Job failedJob(int jobId, List<Integer> stageIds, String reason) {
        Job j = TestAppsJobs.template(jobId, stageIds);
        return new Job(j.jobId(), j.name(), j.description(), j.submissionTime(), j.completionTime(), j.stageIds(),
                j.jobGroup(), j.jobTags(), io.sparkwise.model.JobStatus.FAILED, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1,
                java.util.Map.of(), java.util.OptionalLong.empty(), java.util.Optional.of(reason));
    }

    /** A job as TestApps makes one. */
    static final class TestAppsJobs {
        static Job template(int jobId, List<Integer> stageIds) {
            return io.sparkwise.analysis.testing.TestApps.app()
                    .job(jobId, io.sparkwise.model.JobStatus.FAILED, stageIds, java.util.OptionalLong.empty())
                    .build().jobs().get(0);
        }
    }
}
