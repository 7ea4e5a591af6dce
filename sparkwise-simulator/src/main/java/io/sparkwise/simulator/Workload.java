package io.sparkwise.simulator;

import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * An application as the simulator replays it. Times are ms from the application start.
 *
 * <p>What does not depend on the cluster is kept as the log measured it: the driver's gap between
 * the job it waited for and the next job submission ({@link Job#gapMs}), the delay between a stage's
 * last parent finishing and its submission ({@link Stage#submitDelayMs}), the time from the last
 * job's end to the application's end. What depends on the cluster (when each task can start) is
 * re-scheduled.
 */
record Workload(
        String applicationId,
        long realWallMs,
        List<Job> jobs,
        List<Stage> stages,
        int appEndAnchorJob,
        long appEndGapMs,
        long taskSetLaunchMs) {

    /**
     * @param anchorJob index of the job whose end the driver waited for before submitting this
     *     one (the job that ended last before this one was submitted), -1 for the application start
     * @param gapMs submission minus the anchor's end (or the application start)
     * @param tailMs end of the job minus the end of its last stage attempt
     */
    record Job(int jobId, long realSubmitMs, long realEndMs, int anchorJob, long gapMs, long tailMs,
               List<Integer> stages) {
        Job {
            stages = List.copyOf(stages);
        }
    }

    /**
     * @param job index of the job that ran this attempt
     * @param waitsFor indices of the stage attempts that must end before this one is submitted:
     *     its parents and earlier attempts of the same stage, as far as they ended before it was
     *     submitted in the real run
     * @param durations task durations (launch to finish) of the successful tasks
     * @param fixedMs real duration of an attempt without successful tasks (replayed as is)
     * @param fetchWaitShare shuffle fetch wait as a share of task time
     * @param remoteReadShare remote bytes as a share of shuffle bytes read
     */
    record Stage(int stageId, int attemptId, int priorityJobId, int job, List<Integer> waitsFor,
                 long realSubmitMs, long realFirstLaunchMs, long realEndMs, long submitDelayMs, QuantileSketch durations, long fixedMs,
                 double fetchWaitShare, double remoteReadShare) {
        Stage {
            waitsFor = List.copyOf(waitsFor);
            requireNonNull(durations, "durations is null");
        }

        int taskCount() {
            return (int) Math.min(Integer.MAX_VALUE, durations.count());
        }
    }

    Workload {
        jobs = List.copyOf(jobs);
        stages = List.copyOf(stages);
    }

    /** The earliest first-task launch of any stage attempt with tasks (its submission when unknown). */
    long firstTaskLaunchMs() {
        return stages.stream().filter(s -> s.taskCount() > 0).mapToLong(Stage::realFirstLaunchMs).min().orElse(0);
    }

    long taskCount() {
        return stages.stream().mapToLong(Stage::taskCount).sum();
    }

    /**
     * The workload of {@code app}.
     *
     * @throws SparkwiseException ({@link ErrorCode#NOTHING_TO_SIMULATE}) when no task succeeded
     */
    static Workload of(Application app) {
        return new Builder(app).build();
    }

    private static final class Builder {
        private final Application app;
        private final long start;
        private final long end;
        private final List<Job> jobs = new ArrayList<>();
        private final List<StageAttempt> attempts = new ArrayList<>();

        Builder(Application app) {
            this.app = app;
            this.start = startTime(app);
            this.end = Math.max(start, app.info().endTime().orElse(app.info().lastEventTime()));
        }

        Workload build() {
            for (StageAttempt s : app.stages()) {
                if (s.submissionTime().isPresent()) {
                    attempts.add(s);
                }
            }
            attempts.sort(Comparator.comparingLong((StageAttempt s) -> s.submissionTime().getAsLong())
                    .thenComparingInt(StageAttempt::stageId).thenComparingInt(StageAttempt::attemptId));
            long tasks = attempts.stream().mapToLong(s -> s.taskDistributions().of(TaskQuantity.DURATION).count()).sum();
            if (tasks == 0) {
                throw new SparkwiseException(ErrorCode.NOTHING_TO_SIMULATE, app.info().id()
                        + ": no successful task in the log, nothing to replay on another cluster");
            }
            List<io.sparkwise.model.Job> realJobs = app.jobs().stream()
                    .filter(j -> j.submissionTime().isPresent())
                    .sorted(Comparator.comparingLong((io.sparkwise.model.Job j) -> j.submissionTime().getAsLong())
                            .thenComparingInt(io.sparkwise.model.Job::jobId))
                    .toList();
            Map<Integer, Integer> jobIndex = new HashMap<>();
            long[] jobSubmit = new long[realJobs.size()];
            long[] jobEnd = new long[realJobs.size()];
            for (int i = 0; i < realJobs.size(); i++) {
                io.sparkwise.model.Job j = realJobs.get(i);
                jobIndex.put(j.jobId(), i);
                jobSubmit[i] = rel(j.submissionTime().getAsLong());
                jobEnd[i] = Math.max(jobSubmit[i], rel(j.completionTime().orElse(end)));
            }
            // Stage attempts by job; attempts no logged job ran get a job of their own.
            List<List<Integer>> stagesOfJob = new ArrayList<>();
            List<Integer> jobIds = new ArrayList<>();
            List<long[]> jobTimes = new ArrayList<>();
            for (int i = 0; i < realJobs.size(); i++) {
                stagesOfJob.add(new ArrayList<>());
                jobIds.add(realJobs.get(i).jobId());
                jobTimes.add(new long[] {jobSubmit[i], jobEnd[i]});
            }
            int[] stageJob = new int[attempts.size()];
            for (int s = 0; s < attempts.size(); s++) {
                StageAttempt a = attempts.get(s);
                int job = owningJob(a, jobIndex, jobSubmit);
                if (job < 0) {
                    job = stagesOfJob.size();
                    stagesOfJob.add(new ArrayList<>());
                    jobIds.add(a.jobIds().isEmpty() ? -1 : a.jobIds().get(0));
                    jobTimes.add(new long[] {submit(a), stageEnd(a)});
                }
                stageJob[s] = job;
                stagesOfJob.get(job).add(s);
            }
            List<Stage> stages = stages(stageJob, jobTimes);
            for (int j = 0; j < stagesOfJob.size(); j++) {
                long[] t = jobTimes.get(j);
                int anchor = anchor(jobTimes, jobIds, j, t[0], jobIds.get(j));
                long gap = t[0] - (anchor < 0 ? 0 : jobTimes.get(anchor)[1]);
                long lastStageEnd = t[0];
                for (int s : stagesOfJob.get(j)) {
                    lastStageEnd = Math.max(lastStageEnd, stages.get(s).realEndMs());
                }
                jobs.add(new Job(jobIds.get(j), t[0], t[1], anchor, Math.max(0, gap), Math.max(0, t[1] - lastStageEnd),
                        stagesOfJob.get(j)));
            }
            int endAnchor = anchor(jobTimes, jobIds, -1, end - start, Integer.MAX_VALUE);
            long endGap = (end - start) - (endAnchor < 0 ? 0 : jobTimes.get(endAnchor)[1]);
            return new Workload(app.info().id(), end - start, jobs, stages, endAnchor, Math.max(0, endGap),
                    taskSetLaunch());
        }

        private List<Stage> stages(int[] stageJob, List<long[]> jobTimes) {
            Map<Integer, List<Integer>> attemptsOfStage = new HashMap<>();
            for (int s = 0; s < attempts.size(); s++) {
                attemptsOfStage.computeIfAbsent(attempts.get(s).stageId(), k -> new ArrayList<>()).add(s);
            }
            List<Stage> stages = new ArrayList<>();
            for (int s = 0; s < attempts.size(); s++) {
                StageAttempt a = attempts.get(s);
                long submit = submit(a);
                List<Integer> waits = new ArrayList<>();
                long readyReal = jobTimes.get(stageJob[s])[0];
                List<Integer> predecessors = new ArrayList<>(a.parentStageIds());
                predecessors.add(a.stageId());
                for (int stageId : predecessors) {
                    int p = lastEndedBefore(attemptsOfStage.getOrDefault(stageId, List.of()), s, submit);
                    if (p >= 0 && !waits.contains(p)) {
                        waits.add(p);
                        readyReal = Math.max(readyReal, stageEnd(attempts.get(p)));
                    }
                }
                QuantileSketch durations = a.taskDistributions().of(TaskQuantity.DURATION);
                long fetchWait = a.metrics().get(TaskMetric.SHUFFLE_FETCH_WAIT_TIME);
                long read = a.metrics().shuffleReadBytes();
                long remote = a.metrics().get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ);
                double fetchShare = durations.sum() == 0 ? 0 : Math.min(1.0, (double) fetchWait / durations.sum());
                long firstLaunch = Math.max(submit, rel(a.firstTaskLaunchedTime().orElse(a.submissionTime().getAsLong())));
                stages.add(new Stage(a.stageId(), a.attemptId(), priorityJob(a), stageJob[s], waits, submit, firstLaunch,
                        stageEnd(a),
                        Math.max(0, submit - readyReal), durations, durations.isEmpty() ? stageEnd(a) - submit : 0,
                        fetchShare, read == 0 ? 0 : (double) remote / read));
            }
            return stages;
        }

        /**
         * Of {@code candidates} (attempts of one stage), the one that ended last by {@code time},
         * submitted before attempt {@code self} in the sorted list (so waits never form a cycle); -1 if none.
         */
        private int lastEndedBefore(List<Integer> candidates, int self, long time) {
            int best = -1;
            for (int p : candidates) {
                if (p < self && stageEnd(attempts.get(p)) <= time
                        && (best < 0 || stageEnd(attempts.get(p)) >= stageEnd(attempts.get(best)))) {
                    best = p;
                }
            }
            return best;
        }

        /**
         * The job the driver waited for before {@code submit}: the one that ended last at or
         * before it; -1 for the application start. Ties go to the lower job id, so no job can
         * anchor on itself or on a job anchored on it.
         */
        private static int anchor(List<long[]> jobTimes, List<Integer> jobIds, int self, long submit, int selfId) {
            int best = -1;
            for (int k = 0; k < jobTimes.size(); k++) {
                long kEnd = jobTimes.get(k)[1];
                if (k == self || kEnd > submit || (kEnd == submit && jobIds.get(k) >= selfId)) {
                    continue;
                }
                if (best < 0 || kEnd > jobTimes.get(best)[1]
                        || (kEnd == jobTimes.get(best)[1] && jobIds.get(k) > jobIds.get(best))) {
                    best = k;
                }
            }
            return best;
        }

        /** The latest-submitted of the attempt's jobs that was submitted by the time it was. */
        private int owningJob(StageAttempt a, Map<Integer, Integer> jobIndex, long[] jobSubmit) {
            int best = -1;
            for (int jobId : a.jobIds()) {
                Integer j = jobIndex.get(jobId);
                if (j == null) {
                    continue;
                }
                if (best < 0 || (jobSubmit[j] <= submit(a) && (jobSubmit[best] > submit(a) || jobSubmit[j] > jobSubmit[best]))) {
                    best = j;
                }
            }
            return best;
        }

        private static int priorityJob(StageAttempt a) {
            return a.jobIds().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        }

        /**
         * Median time from a stage attempt's submission to its first task launch: the driver's
         * per-task-set work (serializing the task binary, offering resources) that a bigger cluster
         * does not shorten. The median, because one attempt's own delay may be queueing behind a
         * busy cluster, which the replay models itself.
         */
        private long taskSetLaunch() {
            List<Long> delays = new ArrayList<>();
            for (StageAttempt a : attempts) {
                if (a.firstTaskLaunchedTime().isPresent() && !a.taskDistributions().of(TaskQuantity.DURATION).isEmpty()) {
                    delays.add(Math.max(0, a.firstTaskLaunchedTime().getAsLong() - a.submissionTime().getAsLong()));
                }
            }
            if (delays.isEmpty()) {
                return 0;
            }
            delays.sort(null);
            return delays.get(delays.size() / 2);
        }

        private long submit(StageAttempt a) {
            return rel(a.submissionTime().getAsLong());
        }

        private long stageEnd(StageAttempt a) {
            return Math.max(submit(a), rel(a.completionTime().orElse(end)));
        }

        private long rel(long epochMs) {
            return Math.min(end, Math.max(start, epochMs)) - start;
        }

        private static long startTime(Application app) {
            OptionalLong start = app.info().startTime();
            if (start.isPresent()) {
                return start.getAsLong();
            }
            long earliest = app.info().lastEventTime();
            for (io.sparkwise.model.Job j : app.jobs()) {
                earliest = Math.min(earliest, j.submissionTime().orElse(earliest));
            }
            for (StageAttempt s : app.stages()) {
                earliest = Math.min(earliest, s.submissionTime().orElse(earliest));
            }
            return earliest;
        }
    }
}
