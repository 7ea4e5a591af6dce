package io.sparkwise.simulator;

import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Environment;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskDistributions;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A hand-made application for scheduler tests: jobs and stage attempts with the times a real run
 * would have logged, parent stages and task durations. Starts at 0; times in ms.
 */
final class DagApp {

    private final long endMs;
    private final List<Job> jobs = new ArrayList<>();
    private final List<StageAttempt> stages = new ArrayList<>();
    private final List<Executor> executors = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private DagApp(long endMs) {
        this.endMs = endMs;
    }

    /** An application that ran from 0 to {@code endMs}. */
    static DagApp endingAt(long endMs) {
        return new DagApp(endMs);
    }

    DagApp executor(String id, int cores, long addMs, long removeMs) {
        executors.add(new Executor(id, id + ":7337", id, removeMs < 0, cores, cores, addMs,
                removeMs < 0 ? OptionalLong.empty() : OptionalLong.of(removeMs), Optional.empty(), 0, Optional.empty(),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, List.of(), 0, Map.of(), Map.of(), Map.of(), Optional.empty()));
        return this;
    }

    /** {@code n} executors of {@code cores} cores from 0 to the end. */
    DagApp executors(int n, int cores) {
        for (int i = 1; i <= n; i++) {
            executor(String.valueOf(i), cores, 0, -1);
        }
        return this;
    }

    DagApp property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    DagApp job(int jobId, long submitMs, long endMs, Integer... stageIds) {
        jobs.add(new Job(jobId, "job " + jobId, Optional.empty(), OptionalLong.of(submitMs), OptionalLong.of(endMs),
                List.of(stageIds), Optional.empty(), List.of(), JobStatus.SUCCEEDED, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Map.of(), OptionalLong.empty(), Optional.empty()));
        return this;
    }

    /** A stage attempt of {@code jobId} whose first task launched at submission. */
    DagApp stage(int stageId, int jobId, long submitMs, long endMs, List<Integer> parents, long... taskDurations) {
        return stage(stageId, jobId, submitMs, endMs, parents, new long[TaskMetric.values().length], taskDurations);
    }

    /** As {@link #stage}, with metric totals (e.g. shuffle fetch wait). */
    DagApp stage(int stageId, int jobId, long submitMs, long endMs, List<Integer> parents, long[] metrics,
                 long... taskDurations) {
        QuantileSketch.Builder durations = new QuantileSketch.Builder();
        for (long d : taskDurations) {
            durations.add(d);
        }
        stages.add(new StageAttempt(stageId, 0, StageStatus.COMPLETE, "stage " + stageId, "", Optional.empty(), "default",
                taskDurations.length, 0, taskDurations.length, 0, 0, taskDurations.length, OptionalLong.of(submitMs),
                OptionalLong.of(submitMs), OptionalLong.of(endMs), Optional.empty(), TaskMetricTotals.of(metrics),
                new TaskDistributions(Map.of(TaskQuantity.DURATION, durations.build())), parents, List.of(),
                List.of(jobId), 0, Map.of(), Map.of(), List.of(), Optional.empty()));
        return this;
    }

    Application build() {
        Environment env = new Environment(Optional.of("17"), Optional.empty(), Optional.empty(), properties, Map.of(),
                Map.of(), Map.of(), 0);
        ApplicationInfo info = new ApplicationInfo("app-dag", "dag", Optional.empty(), "tester", OptionalLong.of(0),
                OptionalLong.of(endMs), endMs, endMs, Optional.of("4.0.1"), Optional.of("spark://test:7077"),
                ClusterManager.STANDALONE, true);
        ReadReport report = new ReadReport("test", List.of("test"), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, false,
                false, List.of());
        return new Application(info, env, List.of(), jobs, stages, executors, List.of(), List.of(), report);
    }
}
