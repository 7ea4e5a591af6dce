package io.sparkwise.state;

import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageInfo;
import io.sparkwise.state.event.StageSubmitted;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Jobs and stage attempts as AppStatusListener keeps them: every one still retained (the History
 * Server's store) and the live subsets events still update. Finished ones beyond the
 * {@link RetentionLimits} are folded into totals, oldest first.
 */
final class JobsAndStagesState {

    private static final String DEFAULT_POOL = "default";

    private final RetentionLimits limits;
    private final Map<Long, LiveStage> stages = new LinkedHashMap<>();
    private final Map<Long, LiveStage> liveStages = new LinkedHashMap<>();
    private final Map<Integer, LiveJob> jobs = new LinkedHashMap<>();
    private final Map<Integer, LiveJob> liveJobs = new LinkedHashMap<>();

    // What retention dropped.
    private long foldedJobs;
    private long foldedFailedJobs;
    private long foldedStages;
    private long foldedFailedStages;
    private long foldedSkippedStages;
    private long foldedCompletedTasks;
    private long foldedFailedTasks;
    private long foldedKilledTasks;
    private final long[] foldedMetrics = new long[TaskMetric.values().length];

    JobsAndStagesState(RetentionLimits limits) {
        this.limits = limits;
    }

    static long stageKey(int stageId, int attemptId) {
        return ((long) stageId << 32) | (attemptId & 0xffffffffL);
    }

    LiveStage liveStage(int stageId, int attemptId) {
        return liveStages.get(stageKey(stageId, attemptId));
    }

    /** A finished stage whose last running task ended leaves the live set. */
    void removeLiveStage(LiveStage stage) {
        liveStages.remove(stageKey(stage.stageId, stage.attemptId));
    }

    private LiveStage getOrCreateStage(StageInfo info) {
        long key = stageKey(info.stageId(), info.attemptId());
        LiveStage stage = liveStages.get(key);
        if (stage == null) {
            stage = new LiveStage(info);
            liveStages.put(key, stage);
            // A stage re-created after it left the live set replaces the stored one, as in Spark.
            stages.put(key, stage);
        }
        stage.info = info;
        return stage;
    }

    /** Returns the new job; a job of a SQL execution names it in {@link LiveJob#sqlExecutionId}. */
    LiveJob onJobStart(JobStart e) {
        int numTasks = 0;
        StageInfo last = null;
        for (StageInfo info : e.stageInfos()) {
            if (info.completionTime().isEmpty()) {
                numTasks += info.numTasks();
            }
            if (last == null || info.stageId() > last.stageId()) {
                last = info;
            }
        }
        Map<String, String> props = e.properties();
        OptionalLong sqlId = OptionalLong.empty();
        String sqlIdText = props.get("spark.sql.execution.id");
        if (sqlIdText != null) {
            try {
                sqlId = OptionalLong.of(Long.parseLong(sqlIdText.trim()));
            } catch (NumberFormatException ignored) {
                // Not a SQL job then.
            }
        }
        long submission = e.time().orElse(-1);
        LiveJob job = new LiveJob(e.jobId(), last == null ? "" : last.name(),
                Optional.ofNullable(props.get("spark.job.description")),
                submission > 0 ? OptionalLong.of(submission) : OptionalLong.empty(),
                e.stageIds(), Optional.ofNullable(props.get("spark.jobGroup.id")),
                jobTags(props.get("spark.job.tags")), numTasks, sqlId);
        liveJobs.put(job.jobId, job);
        jobs.put(job.jobId, job);
        for (StageInfo info : e.stageInfos()) {
            LiveStage stage = getOrCreateStage(info);
            stage.jobs.add(job);
            stage.jobIds.add(job.jobId);
        }
        return job;
    }

    private static List<String> jobTags(String tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String t : tags.split(",")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        out.sort(null);
        return out;
    }

    /** Returns the ended job, or null for a job not running (its start is not in the log). */
    LiveJob onJobEnd(JobEnd e) {
        LiveJob job = liveJobs.remove(e.jobId());
        if (job == null) {
            return null;
        }
        Iterator<Map.Entry<Long, LiveStage>> it = liveStages.entrySet().iterator();
        while (it.hasNext()) {
            LiveStage stage = it.next().getValue();
            if (job.stageIds.contains(stage.stageId) && stage.status == StageStatus.PENDING) {
                stage.status = StageStatus.SKIPPED;
                job.skippedStages.add(stage.stageId);
                job.skippedTasks += stage.info.numTasks();
                job.activeStages--;
                it.remove();
            }
        }
        job.status = e.succeeded() ? JobStatus.SUCCEEDED : JobStatus.FAILED;
        if (!e.succeeded()) {
            job.failureReason = e.failureMessage();
        }
        long completion = e.time().orElse(-1);
        job.completionTime = completion > 0 ? OptionalLong.of(completion) : OptionalLong.empty();
        return job;
    }

    void onStageSubmitted(StageSubmitted e) {
        StageInfo info = e.stageInfo();
        LiveStage stage = getOrCreateStage(info);
        stage.status = StageStatus.ACTIVE;
        Map<String, String> props = e.properties();
        stage.schedulingPool = props.getOrDefault("spark.scheduler.pool", DEFAULT_POOL);
        stage.jobs.clear();
        stage.jobIds.clear();
        for (LiveJob job : liveJobs.values()) {
            if (job.stageIds.contains(info.stageId())) {
                stage.jobs.add(job);
                stage.jobIds.add(job.jobId);
            }
        }
        stage.description = Optional.ofNullable(props.get("spark.job.description"));
        for (LiveJob job : stage.jobs) {
            job.completedStages.remove(info.stageId());
            job.activeStages++;
        }
    }

    /** Returns the completed stage, or null for a stage not live (its submission is not in the log). */
    LiveStage onStageCompleted(StageCompleted e) {
        StageInfo info = e.stageInfo();
        long key = stageKey(info.stageId(), info.attemptId());
        LiveStage stage = liveStages.get(key);
        if (stage == null) {
            return null;
        }
        stage.info = info;
        if (info.failureReason().isPresent()) {
            stage.status = StageStatus.FAILED;
        } else if (info.submissionTime().isPresent()) {
            stage.status = StageStatus.COMPLETE;
        } else {
            stage.status = StageStatus.SKIPPED;
        }
        for (LiveJob job : stage.jobs) {
            switch (stage.status) {
                case COMPLETE -> job.completedStages.add(info.stageId());
                case SKIPPED -> {
                    job.skippedStages.add(info.stageId());
                    job.skippedTasks += info.numTasks();
                }
                default -> job.failedStages++;
            }
            job.activeStages--;
        }
        if (stage.activeTasks == 0) {
            liveStages.remove(key);
        }
        return stage;
    }

    // ---------------------------------------------------------------- retention

    /** Folds the oldest finished jobs and stage attempts beyond the limits into the totals. */
    void enforceRetention() {
        while (jobs.size() - liveJobs.size() > limits.maxJobs()) {
            foldOldestFinishedJob();
        }
        while (stages.size() - liveStages.size() > limits.maxStages()) {
            foldOldestFinishedStage();
        }
    }

    private void foldOldestFinishedJob() {
        Iterator<LiveJob> it = jobs.values().iterator();
        while (it.hasNext()) {
            LiveJob job = it.next();
            if (!liveJobs.containsKey(job.jobId)) {
                it.remove();
                foldedJobs++;
                if (job.status == JobStatus.FAILED) {
                    foldedFailedJobs++;
                }
                return;
            }
        }
    }

    private void foldOldestFinishedStage() {
        Iterator<Map.Entry<Long, LiveStage>> it = stages.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, LiveStage> entry = it.next();
            if (!liveStages.containsKey(entry.getKey())) {
                LiveStage stage = entry.getValue();
                it.remove();
                foldedStages++;
                switch (stage.status) {
                    case FAILED -> foldedFailedStages++;
                    case SKIPPED -> foldedSkippedStages++;
                    default -> {
                        // COMPLETE (a stage leaves the live set only when it is finished)
                    }
                }
                foldedCompletedTasks += stage.completedTasks;
                foldedFailedTasks += stage.failedTasks;
                foldedKilledTasks += stage.killedTasks;
                for (int i = 0; i < foldedMetrics.length; i++) {
                    foldedMetrics[i] += stage.metrics[i];
                }
                return;
            }
        }
    }

    int retainedJobCount() {
        return jobs.size();
    }

    int retainedStageCount() {
        return stages.size();
    }

    // ---------------------------------------------------------------- snapshot

    List<Job> jobsToModel() {
        List<Job> out = new ArrayList<>(jobs.size());
        jobs.values().stream().sorted(Comparator.comparingInt((LiveJob j) -> j.jobId).reversed())
                .forEach(j -> out.add(j.toModel()));
        return out;
    }

    List<StageAttempt> stagesToModel() {
        List<StageAttempt> out = new ArrayList<>(stages.size());
        stages.values().stream()
                .sorted(Comparator.comparingInt((LiveStage s) -> s.stageId).thenComparingInt(s -> s.attemptId).reversed())
                .forEach(s -> out.add(s.toModel()));
        return out;
    }

    /** Adds what retention dropped to {@code folded}, the SQL part aside. */
    void addFolded(Folded folded) {
        folded.jobs = foldedJobs;
        folded.failedJobs = foldedFailedJobs;
        folded.stageAttempts = foldedStages;
        folded.failedStageAttempts = foldedFailedStages;
        folded.skippedStageAttempts = foldedSkippedStages;
        folded.completedTasks = foldedCompletedTasks;
        folded.failedTasks = foldedFailedTasks;
        folded.killedTasks = foldedKilledTasks;
        folded.taskMetrics = foldedMetrics.clone();
    }

    /** The folded counts of the concerns, put together into the model's record at a snapshot. */
    static final class Folded {
        long jobs;
        long failedJobs;
        long stageAttempts;
        long failedStageAttempts;
        long skippedStageAttempts;
        long sqlExecutions;
        long failedSqlExecutions;
        long completedTasks;
        long failedTasks;
        long killedTasks;
        long[] taskMetrics = new long[TaskMetric.values().length];

        io.sparkwise.model.FoldedTotals toModel() {
            if (jobs == 0 && stageAttempts == 0 && sqlExecutions == 0) {
                return io.sparkwise.model.FoldedTotals.NONE;
            }
            return new io.sparkwise.model.FoldedTotals(jobs, failedJobs, stageAttempts, failedStageAttempts,
                    skippedStageAttempts, sqlExecutions, failedSqlExecutions, completedTasks, failedTasks, killedTasks,
                    io.sparkwise.model.TaskMetricTotals.of(taskMetrics));
        }
    }
}
