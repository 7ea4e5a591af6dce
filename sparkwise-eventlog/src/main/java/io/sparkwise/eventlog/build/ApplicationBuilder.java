package io.sparkwise.eventlog.build;

import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.Environment;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.ResourceProfile;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Set;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import static io.sparkwise.eventlog.build.JsonAccess.bool;
import static io.sparkwise.eventlog.build.JsonAccess.has;
import static io.sparkwise.eventlog.build.JsonAccess.integer;
import static io.sparkwise.eventlog.build.JsonAccess.intList;
import static io.sparkwise.eventlog.build.JsonAccess.list;
import static io.sparkwise.eventlog.build.JsonAccess.lng;
import static io.sparkwise.eventlog.build.JsonAccess.obj;
import static io.sparkwise.eventlog.build.JsonAccess.optLng;
import static io.sparkwise.eventlog.build.JsonAccess.optStr;
import static io.sparkwise.eventlog.build.JsonAccess.str;
import static io.sparkwise.eventlog.build.JsonAccess.stringMap;

/**
 * Builds an {@link Application} from listener events, one at a time, with the semantics of Spark's
 * own {@code AppStatusListener} (the History Server's replay), so that every count and total
 * equals what the History Server reports for the same log. Where this class departs from it, the
 * departure is commented and listed in docs/json.md.
 *
 * <p>Memory: per-stage-attempt, per-job and per-executor aggregates plus one small record per
 * running task; nothing per finished task.
 */
public final class ApplicationBuilder {

    private static final String DEFAULT_POOL = "default";

    // Application
    private String appId;
    private String appName = "";
    private Optional<String> attemptId = Optional.empty();
    private String sparkUser = "";
    private OptionalLong startTime = OptionalLong.empty();
    private OptionalLong endTime = OptionalLong.empty();
    private Optional<String> sparkVersion = Optional.empty();
    private long lastEventTime = Long.MIN_VALUE;
    private long firstEventTime = Long.MAX_VALUE;
    private Environment environment = Environment.EMPTY;
    private int defaultCpusPerTask = 1;
    private final Map<Integer, ResourceProfile> resourceProfiles = new TreeMap<>();
    private final Map<String, String> databricksMetadata = new LinkedHashMap<>();

    // Entities: every one ever written (the History Server's store) and the live subsets.
    private final Map<Long, LiveStage> stages = new LinkedHashMap<>();
    private final Map<Long, LiveStage> liveStages = new LinkedHashMap<>();
    private final Map<Integer, LiveJob> jobs = new LinkedHashMap<>();
    private final Map<Integer, LiveJob> liveJobs = new LinkedHashMap<>();
    private final Map<String, LiveExecutor> executors = new LinkedHashMap<>();
    private final Map<String, LiveExecutor> liveExecutors = new LinkedHashMap<>();
    /** Tasks started and not ended: the only per-task state, bounded by the tasks running at once. */
    private final LongMap<Boolean> liveTasks = new LongMap<>();
    private final FailureGroups failures = new FailureGroups();

    // SQL
    private final Map<Long, LiveSql> sqlExecutions = new TreeMap<>();
    private final SqlMetrics sqlMetrics = new SqlMetrics();

    /** Handles one event. {@code name} is the event name without its package. */
    public void onEvent(String name, Map<String, Object> e) {
        noteTime(e);
        switch (name) {
            case "SparkListenerLogStart" -> sparkVersion = optStr(e, "Spark Version");
            case "SparkListenerApplicationStart" -> onApplicationStart(e);
            case "SparkListenerApplicationEnd" -> endTime = optLng(e, "Timestamp");
            case "SparkListenerEnvironmentUpdate" -> onEnvironmentUpdate(e);
            case "SparkListenerResourceProfileAdded" -> onResourceProfileAdded(e);
            case "SparkListenerBlockManagerAdded" -> onBlockManagerAdded(e);
            case "SparkListenerExecutorAdded" -> onExecutorAdded(e);
            case "SparkListenerExecutorRemoved" -> onExecutorRemoved(e);
            case "SparkListenerJobStart" -> onJobStart(e);
            case "SparkListenerJobEnd" -> onJobEnd(e);
            case "SparkListenerStageSubmitted" -> onStageSubmitted(e);
            case "SparkListenerStageCompleted" -> onStageCompleted(e);
            case "SparkListenerStageExecutorMetrics" -> onStageExecutorMetrics(e);
            case "SparkListenerExecutorMetricsUpdate" -> onExecutorMetricsUpdate(e);
            case "SparkListenerExecutorBlacklisted", "SparkListenerExecutorExcluded" ->
                    setExcluded(str(e, "executorId", ""), true);
            case "SparkListenerExecutorUnblacklisted", "SparkListenerExecutorUnexcluded" ->
                    setExcluded(str(e, "executorId", ""), false);
            case "SparkListenerNodeBlacklisted", "SparkListenerNodeExcluded" ->
                    setNodeExcluded(str(e, "hostId", ""), true);
            case "SparkListenerNodeUnblacklisted", "SparkListenerNodeUnexcluded" ->
                    setNodeExcluded(str(e, "hostId", ""), false);
            case "SparkListenerExecutorBlacklistedForStage", "SparkListenerExecutorExcludedForStage" ->
                    excludeForStage(integer(e, "stageId", -1), integer(e, "stageAttemptId", 0),
                            str(e, "executorId", ""));
            case "SparkListenerNodeBlacklistedForStage", "SparkListenerNodeExcludedForStage" ->
                    excludeNodeForStage(integer(e, "stageId", -1), integer(e, "stageAttemptId", 0),
                            str(e, "hostId", ""));
            case "SparkListenerSQLExecutionStart" -> onSqlStart(e);
            case "SparkListenerSQLExecutionEnd" -> onSqlEnd(e);
            case "SparkListenerSQLAdaptiveExecutionUpdate" -> onSqlAdaptiveUpdate(e);
            case "SparkListenerSQLAdaptiveSQLMetricUpdates" -> onSqlAdaptiveMetrics(e);
            case "SparkListenerDriverAccumUpdates" -> onDriverAccumUpdates(e);
            case "DBCEventLoggingListenerMetadata" -> e.forEach((k, v) -> {
                if (!"Event".equals(k) && v != null) {
                    databricksMetadata.put(k, v.toString());
                }
            });
            default -> {
                // Events without an effect on the model (BlockManagerRemoved, UnpersistRDD, ...).
            }
        }
    }

    /** The events this builder uses; others are counted as unknown by the reader. */
    public static boolean isKnown(String name) {
        return switch (name) {
            case "SparkListenerLogStart", "SparkListenerApplicationStart", "SparkListenerApplicationEnd",
                 "SparkListenerEnvironmentUpdate", "SparkListenerResourceProfileAdded",
                 "SparkListenerBlockManagerAdded", "SparkListenerBlockManagerRemoved",
                 "SparkListenerExecutorAdded", "SparkListenerExecutorRemoved", "SparkListenerJobStart",
                 "SparkListenerJobEnd", "SparkListenerStageSubmitted", "SparkListenerStageCompleted",
                 "SparkListenerTaskStart", "SparkListenerTaskGettingResult", "SparkListenerTaskEnd",
                 "SparkListenerStageExecutorMetrics", "SparkListenerExecutorMetricsUpdate",
                 "SparkListenerUnpersistRDD", "SparkListenerBlockUpdated",
                 "SparkListenerExecutorBlacklisted", "SparkListenerExecutorExcluded",
                 "SparkListenerExecutorUnblacklisted", "SparkListenerExecutorUnexcluded",
                 "SparkListenerNodeBlacklisted", "SparkListenerNodeExcluded", "SparkListenerNodeUnblacklisted",
                 "SparkListenerNodeUnexcluded", "SparkListenerExecutorBlacklistedForStage",
                 "SparkListenerExecutorExcludedForStage", "SparkListenerNodeBlacklistedForStage",
                 "SparkListenerNodeExcludedForStage", "SparkListenerSQLExecutionStart",
                 "SparkListenerSQLExecutionEnd", "SparkListenerSQLAdaptiveExecutionUpdate",
                 "SparkListenerSQLAdaptiveSQLMetricUpdates", "SparkListenerDriverAccumUpdates",
                 "SparkListenerMiscellaneousProcessAdded", "SparkListenerSpeculativeTaskSubmitted",
                 "SparkListenerUnschedulableTaskSetAdded", "SparkListenerUnschedulableTaskSetRemoved",
                 "DBCEventLoggingListenerMetadata" -> true;
            default -> false;
        };
    }

    /** What the log lacks that a reader of the analysis should know. */
    public List<String> notes(boolean inProgress) {
        List<String> notes = new ArrayList<>();
        if (appId == null) {
            notes.add("no SparkListenerApplicationStart: the application id is taken from the file name; "
                    + "name, user and start time are unknown");
        }
        if (endTime.isEmpty()) {
            notes.add(inProgress
                    ? "the application was still running when the log was copied (in progress): durations end at the last event"
                    : "no SparkListenerApplicationEnd: the application did not finish cleanly (driver killed or log cut): "
                    + "durations end at the last event");
        }
        if (sparkVersion.isEmpty() && !databricksMetadata.containsKey("SparkVersion")) {
            notes.add("no SparkListenerLogStart: the Spark version is unknown (Spark 1.2 and older write none)");
        }
        if (environment.sparkProperties().isEmpty()) {
            notes.add("no SparkListenerEnvironmentUpdate: Spark properties and cluster manager are unknown");
        }
        return notes;
    }

    public Application build(ReadReport readReport, String fallbackAppId) {
        ClusterManagers.Detected cm = ClusterManagers.detect(environment, databricksMetadata);
        long duration;
        if (startTime.isPresent() && endTime.isPresent()) {
            duration = endTime.getAsLong() - startTime.getAsLong();
        } else if (startTime.isPresent() && lastEventTime != Long.MIN_VALUE) {
            duration = Math.max(0, lastEventTime - startTime.getAsLong());
        } else if (firstEventTime != Long.MAX_VALUE && lastEventTime != Long.MIN_VALUE) {
            duration = lastEventTime - firstEventTime;
        } else {
            duration = 0;
        }
        Optional<String> version = sparkVersion.isPresent() ? sparkVersion
                : Optional.ofNullable(databricksMetadata.get("SparkVersion"));
        ApplicationInfo info = new ApplicationInfo(
                appId != null ? appId : fallbackAppId, appName, attemptId, sparkUser,
                startTime.isPresent() ? startTime
                        : (firstEventTime != Long.MAX_VALUE ? OptionalLong.of(firstEventTime) : OptionalLong.empty()),
                endTime, duration, lastEventTime == Long.MIN_VALUE ? 0 : lastEventTime,
                version, cm.master(), cm.clusterManager(), endTime.isPresent());

        List<Job> jobList = new ArrayList<>();
        jobs.values().stream().sorted(Comparator.comparingInt((LiveJob j) -> j.jobId).reversed())
                .forEach(j -> jobList.add(j.toModel()));
        List<StageAttempt> stageList = new ArrayList<>();
        stages.values().stream()
                .sorted(Comparator.comparingInt((LiveStage s) -> s.stageId).thenComparingInt(s -> s.attemptId).reversed())
                .forEach(s -> stageList.add(s.toModel()));
        List<Executor> executorList = new ArrayList<>();
        executors.values().forEach(x -> executorList.add(x.toModel(x.id.equals(Executor.DRIVER_ID), duration)));
        Map<Long, SqlExecution.SqlMetricValue> values = sqlMetrics.values();
        List<SqlExecution> sqlList = new ArrayList<>();
        sqlExecutions.values().stream().filter(s -> s.started).forEach(s -> sqlList.add(s.toModel(values)));
        return new Application(info, environment, List.copyOf(resourceProfiles.values()), jobList, stageList,
                executorList, sqlList, failures.toModel(), readReport);
    }

    private void noteTime(Map<String, Object> e) {
        long t = lng(e, "Timestamp", Long.MIN_VALUE);
        if (t == Long.MIN_VALUE) {
            t = lng(e, "time", Long.MIN_VALUE);
        }
        if (t == Long.MIN_VALUE) {
            Map<String, Object> taskInfo = obj(e, "Task Info");
            if (taskInfo != null) {
                t = Math.max(lng(taskInfo, "Launch Time", Long.MIN_VALUE), lng(taskInfo, "Finish Time", Long.MIN_VALUE));
            }
        }
        if (t == Long.MIN_VALUE) {
            t = Math.max(lng(e, "Submission Time", Long.MIN_VALUE), lng(e, "Completion Time", Long.MIN_VALUE));
        }
        if (t > 0) {
            lastEventTime = Math.max(lastEventTime, t);
            firstEventTime = Math.min(firstEventTime, t);
        }
    }

    // ---------------------------------------------------------------- application and environment

    private void onApplicationStart(Map<String, Object> e) {
        appId = optStr(e, "App ID").orElse(appId);
        appName = str(e, "App Name", "");
        attemptId = optStr(e, "App Attempt ID");
        sparkUser = str(e, "User", "");
        startTime = optLng(e, "Timestamp");
        Map<String, String> logs = stringMap(e, "Driver Logs");
        LiveExecutor driver = liveExecutors.get(Executor.DRIVER_ID);
        if (driver != null && !logs.isEmpty()) {
            driver.executorLogs = logs;
            driver.attributes = stringMap(e, "Driver Attributes");
        }
    }

    private void onEnvironmentUpdate(Map<String, Object> e) {
        Map<String, String> jvm = stringMap(e, "JVM Information");
        Map<String, String> spark = stringMap(e, "Spark Properties");
        Map<String, Object> classpath = obj(e, "Classpath Entries");
        environment = new Environment(
                Optional.ofNullable(jvm.get("Java Version")), Optional.ofNullable(jvm.get("Java Home")),
                Optional.ofNullable(jvm.get("Scala Version")), spark, stringMap(e, "Hadoop Properties"),
                stringMap(e, "System Properties"), stringMap(e, "Metrics Properties"),
                classpath == null ? 0 : classpath.size());
        String cpus = spark.get("spark.task.cpus");
        if (cpus != null) {
            try {
                defaultCpusPerTask = Integer.parseInt(cpus.trim());
            } catch (NumberFormatException ignored) {
                // Spark would fail to start with such a value; keep the default.
            }
        }
    }

    private void onResourceProfileAdded(Map<String, Object> e) {
        int id = integer(e, "Resource Profile Id", 0);
        Map<String, Long> executorResources = new LinkedHashMap<>();
        Map<String, Object> exec = obj(e, "Executor Resource Requests");
        if (exec != null) {
            exec.forEach((k, v) -> executorResources.put(k, JsonAccess.lng(JsonAccess.asObj(v), "Amount", 0)));
        }
        Map<String, Double> taskResources = new LinkedHashMap<>();
        Map<String, Object> task = obj(e, "Task Resource Requests");
        if (task != null) {
            task.forEach((k, v) -> taskResources.put(k, JsonAccess.dbl(JsonAccess.asObj(v), "Amount", 0)));
        }
        resourceProfiles.put(id, new ResourceProfile(id, executorResources, taskResources));
    }

    // ---------------------------------------------------------------- executors

    private LiveExecutor getOrCreateExecutor(String id, long addTime) {
        LiveExecutor exec = liveExecutors.get(id);
        if (exec == null) {
            exec = new LiveExecutor(id, addTime);
            liveExecutors.put(id, exec);
            // Re-registration after removal replaces the stored entry, as in the History Server.
            executors.put(id, exec);
        }
        return exec;
    }

    private void onBlockManagerAdded(Map<String, Object> e) {
        Map<String, Object> bm = obj(e, "Block Manager ID");
        String id = str(bm, "Executor ID", "");
        LiveExecutor exec = getOrCreateExecutor(id, lng(e, "Timestamp", 0));
        exec.hostPort = str(bm, "Host", "") + ":" + lng(bm, "Port", 0);
        if (has(e, "Maximum Onheap Memory")) {
            exec.totalOnHeap = lng(e, "Maximum Onheap Memory", 0);
            exec.totalOffHeap = lng(e, "Maximum Offheap Memory", 0);
        }
        exec.isActive = true;
        exec.maxMemory = lng(e, "Maximum Memory", 0);
    }

    private void onExecutorAdded(Map<String, Object> e) {
        Map<String, Object> info = obj(e, "Executor Info");
        LiveExecutor exec = getOrCreateExecutor(str(e, "Executor ID", ""), lng(e, "Timestamp", 0));
        exec.host = str(info, "Host", "");
        exec.isActive = true;
        exec.totalCores = integer(info, "Total Cores", 0);
        int rpId = integer(info, "Resource Profile Id", 0);
        ResourceProfile rp = resourceProfiles.get(rpId);
        int cpusPerTask = defaultCpusPerTask;
        if (rp != null && rp.taskResources().containsKey("cpus")) {
            cpusPerTask = Math.max(1, (int) (double) rp.taskResources().get("cpus"));
        }
        exec.maxTasks = exec.totalCores / Math.max(1, cpusPerTask);
        exec.executorLogs = stringMap(info, "Log Urls");
        exec.attributes = stringMap(info, "Attributes");
        exec.resources = resources(obj(info, "Resources"));
        exec.resourceProfileId = rpId;
    }

    private static Map<String, List<String>> resources(Map<String, Object> json) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (json != null) {
            json.forEach((name, v) -> {
                List<String> addresses = new ArrayList<>();
                for (Object a : list(JsonAccess.asObj(v), "addresses")) {
                    addresses.add(String.valueOf(a));
                }
                out.put(name, addresses);
            });
        }
        return out;
    }

    private void onExecutorRemoved(Map<String, Object> e) {
        LiveExecutor exec = liveExecutors.remove(str(e, "Executor ID", ""));
        if (exec != null) {
            exec.isActive = false;
            exec.removeTime = optLng(e, "Timestamp");
            exec.removeReason = optStr(e, "Removed Reason");
        }
    }

    private void setExcluded(String executorId, boolean excluded) {
        LiveExecutor exec = liveExecutors.get(executorId);
        if (exec != null) {
            exec.isExcluded = excluded;
        }
    }

    private void setNodeExcluded(String host, boolean excluded) {
        for (LiveExecutor exec : liveExecutors.values()) {
            if (exec.hostname().equals(host) && !exec.id.equals(Executor.DRIVER_ID)) {
                exec.isExcluded = excluded;
            }
        }
    }

    private void excludeForStage(int stageId, int attemptId, String executorId) {
        LiveStage stage = liveStages.get(stageKey(stageId, attemptId));
        if (stage != null) {
            stage.excludedExecutors.add(executorId);
        }
        LiveExecutor exec = liveExecutors.get(executorId);
        if (exec != null) {
            exec.excludedInStages.add(stageId);
        }
    }

    private void excludeNodeForStage(int stageId, int attemptId, String host) {
        LiveStage stage = liveStages.get(stageKey(stageId, attemptId));
        for (LiveExecutor exec : liveExecutors.values()) {
            if (exec.hostname().equals(host) && !exec.id.equals(Executor.DRIVER_ID)) {
                if (stage != null) {
                    stage.excludedExecutors.add(exec.id);
                }
                exec.excludedInStages.add(stageId);
            }
        }
    }

    // ---------------------------------------------------------------- jobs and stages

    private static long stageKey(int stageId, int attemptId) {
        return ((long) stageId << 32) | (attemptId & 0xffffffffL);
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

    private void onJobStart(Map<String, Object> e) {
        List<StageInfo> infos = new ArrayList<>();
        for (Object o : list(e, "Stage Infos")) {
            infos.add(StageInfos.parse(JsonAccess.asObj(o)));
        }
        int numTasks = 0;
        StageInfo last = null;
        for (StageInfo info : infos) {
            if (info.completionTime().isEmpty()) {
                numTasks += info.numTasks();
            }
            if (last == null || info.stageId() > last.stageId()) {
                last = info;
            }
        }
        Map<String, String> props = stringMap(e, "Properties");
        OptionalLong sqlId = OptionalLong.empty();
        String sqlIdText = props.get("spark.sql.execution.id");
        if (sqlIdText != null) {
            try {
                sqlId = OptionalLong.of(Long.parseLong(sqlIdText.trim()));
            } catch (NumberFormatException ignored) {
                // Not a SQL job then.
            }
        }
        long submission = lng(e, "Submission Time", -1);
        List<Integer> stageIds = JsonAccess.has(e, "Stage IDs") ? intList(e, "Stage IDs")
                : infos.stream().map(StageInfo::stageId).toList();
        List<String> tags = jobTags(props.get("spark.job.tags"));
        LiveJob job = new LiveJob(integer(e, "Job ID", -1), last == null ? "" : last.name(),
                Optional.ofNullable(props.get("spark.job.description")),
                submission > 0 ? OptionalLong.of(submission) : OptionalLong.empty(),
                stageIds, Optional.ofNullable(props.get("spark.jobGroup.id")), tags, numTasks, sqlId);
        liveJobs.put(job.jobId, job);
        jobs.put(job.jobId, job);
        for (StageInfo info : infos) {
            LiveStage stage = getOrCreateStage(info);
            stage.jobs.add(job);
            stage.jobIds.add(job.jobId);
        }
        // A job may start before its execution's start event is logged: the History Server then
        // creates the execution, as here.
        sqlId.ifPresent(id -> sql(id).jobs.put(job.jobId, "RUNNING"));
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

    private void onJobEnd(Map<String, Object> e) {
        int jobId = integer(e, "Job ID", -1);
        LiveJob job = liveJobs.remove(jobId);
        if (job == null) {
            return;
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
        Map<String, Object> result = obj(e, "Job Result");
        boolean succeeded = "JobSucceeded".equals(str(result, "Result", "JobSucceeded"));
        job.status = succeeded ? JobStatus.SUCCEEDED : JobStatus.FAILED;
        if (!succeeded) {
            Map<String, Object> ex = obj(result, "Exception");
            job.failureReason = optStr(ex, "Message");
        }
        long completion = lng(e, "Completion Time", -1);
        job.completionTime = completion > 0 ? OptionalLong.of(completion) : OptionalLong.empty();
        job.sqlExecutionId.ifPresent(id -> {
            LiveSql sql = sqlExecutions.get(id);
            if (sql != null) {
                sql.jobs.put(jobId, succeeded ? "SUCCEEDED" : "FAILED");
            }
        });
    }

    private void onStageSubmitted(Map<String, Object> e) {
        StageInfo info = StageInfos.parse(obj(e, "Stage Info"));
        LiveStage stage = getOrCreateStage(info);
        stage.status = StageStatus.ACTIVE;
        Map<String, String> props = stringMap(e, "Properties");
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

    private void onStageCompleted(Map<String, Object> e) {
        StageInfo info = StageInfos.parse(obj(e, "Stage Info"));
        long key = stageKey(info.stageId(), info.attemptId());
        LiveStage stage = liveStages.get(key);
        if (stage == null) {
            return;
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
        for (String executorId : stage.excludedExecutors) {
            LiveExecutor exec = liveExecutors.get(executorId);
            if (exec != null) {
                exec.excludedInStages.remove(info.stageId());
            }
        }
        if (stage.activeTasks == 0) {
            liveStages.remove(key);
        }
    }

    // ---------------------------------------------------------------- tasks

    /** Handles SparkListenerTaskStart and SparkListenerTaskEnd, parsed without a JSON tree. */
    public void onTaskEvent(String name, TaskEvent e) {
        noteTaskTime(e);
        if ("SparkListenerTaskStart".equals(name)) {
            onTaskStart(e);
        } else {
            onTaskEnd(e);
        }
    }

    private void noteTaskTime(TaskEvent e) {
        long t = Math.max(e.launchTime, e.finishTime);
        if (t > 0) {
            lastEventTime = Math.max(lastEventTime, t);
            firstEventTime = Math.min(firstEventTime, t);
        }
    }

    private void onTaskStart(TaskEvent e) {
        liveTasks.put(e.taskId, Boolean.TRUE);
        LiveStage stage = liveStages.get(stageKey(e.stageId, e.stageAttemptId));
        if (stage != null) {
            stage.activeTasks++;
            stage.firstLaunchTime = Math.min(stage.firstLaunchTime, e.launchTime);
            stage.localitySummary.merge(e.locality, 1L, Long::sum);
            stage.activeTasksPerExecutor.merge(e.executorId, 1, Integer::sum);
            for (LiveJob job : stage.jobs) {
                job.activeTasks++;
            }
        }
        LiveExecutor exec = liveExecutors.get(e.executorId);
        if (exec != null) {
            exec.activeTasks++;
            exec.totalTasks++;
        }
    }

    private void onTaskEnd(TaskEvent e) {
        long duration = e.duration();
        String reason = e.reason;
        long[] taskMetrics = e.hasMetrics ? e.metrics : null;

        // As the History Server: a task's metrics count for its stage only when its start was seen.
        long[] delta = liveTasks.remove(e.taskId) ? taskMetrics : null;

        int completedDelta = 0;
        int failedDelta = 0;
        int killedDelta = 0;
        switch (reason) {
            case "Success" -> completedDelta = 1;
            case "TaskKilled", "TaskCommitDenied" -> killedDelta = 1;
            default -> failedDelta = 1;
        }
        String killedKey = killedDelta > 0 ? killedSummaryKey(reason, e.reasonFields) : null;

        LiveStage stage = liveStages.get(stageKey(e.stageId, e.stageAttemptId));
        if (stage != null) {
            if (delta != null) {
                for (int i = 0; i < delta.length; i++) {
                    stage.metrics[i] += delta[i];
                }
            }
            stage.activeTasks--;
            stage.completedTasks += completedDelta;
            if (completedDelta > 0 && e.index >= 0) {
                stage.completedIndices.set(e.index);
            }
            stage.failedTasks += failedDelta;
            stage.killedTasks += killedDelta;
            if (killedKey != null) {
                stage.killedSummary.merge(killedKey, 1, Integer::sum);
            }
            stage.activeTasksPerExecutor.merge(e.executorId, -1, Integer::sum);
            stage.peaks.update(e.peakNames, e.peakValues, e.peakCount);
            boolean removeStage = stage.activeTasks == 0
                    && (stage.status == StageStatus.COMPLETE || stage.status == StageStatus.FAILED);
            for (LiveJob job : stage.jobs) {
                job.activeTasks--;
                job.completedTasks += completedDelta;
                if (completedDelta > 0) {
                    job.addCompletedIndex(e.stageId, e.index);
                }
                job.failedTasks += failedDelta;
                job.killedTasks += killedDelta;
                if (killedKey != null) {
                    job.killedSummary.merge(killedKey, 1, Integer::sum);
                }
            }
            if (completedDelta > 0 && taskMetrics != null) {
                addDistributions(stage, e, taskMetrics, duration);
            }
            if (completedDelta == 0) {
                recordFailure(stage.failures, reason, e.reasonFields, e.stageId, e.executorId, duration);
            }
            if (removeStage) {
                liveStages.remove(stageKey(e.stageId, e.stageAttemptId));
            }
        }
        if (completedDelta == 0) {
            recordFailure(failures, reason, e.reasonFields, e.stageId, e.executorId, duration);
        }

        LiveExecutor exec = liveExecutors.get(e.executorId);
        if (exec != null) {
            exec.activeTasks--;
            exec.completedTasks += completedDelta;
            exec.failedTasks += failedDelta;
            exec.totalDuration += duration;
            exec.peaks.update(e.peakNames, e.peakValues, e.peakCount);
            // Spark keeps the first attempt's metrics for resubmitted tasks (see AppStatusListener).
            if (!"Resubmitted".equals(reason) && taskMetrics != null) {
                exec.totalGcTime += taskMetrics[TaskMetric.JVM_GC_TIME.ordinal()];
                exec.totalInputBytes += taskMetrics[TaskMetric.INPUT_BYTES.ordinal()];
                exec.totalShuffleRead += taskMetrics[TaskMetric.SHUFFLE_LOCAL_BYTES_READ.ordinal()]
                        + taskMetrics[TaskMetric.SHUFFLE_REMOTE_BYTES_READ.ordinal()];
                exec.totalShuffleWrite += taskMetrics[TaskMetric.SHUFFLE_WRITE_BYTES.ordinal()];
            }
        }
        for (int i = 0; i < e.accumulatorCount; i++) {
            sqlMetrics.update(e.accumulatorIds[i], e.accumulatorUpdates[i]);
        }
    }

    private static String killedSummaryKey(String reason, Map<String, Object> reasonJson) {
        if ("TaskKilled".equals(reason)) {
            return str(reasonJson, "Kill Reason", "unknown reason");
        }
        return "TaskCommitDenied (Driver denied task commit) for job: " + integer(reasonJson, "Job ID", -1)
                + ", partition: " + integer(reasonJson, "Partition ID", -1)
                + ", attemptNumber: " + integer(reasonJson, "Attempt Number", -1);
    }

    private static void addDistributions(LiveStage stage, TaskEvent e, long[] m, long duration) {
        long gettingResultTime = e.gettingResultTime;
        long finish = e.finishTime;
        long fetchingResult = gettingResultTime > 0 && finish > 0 ? finish - gettingResultTime : 0;
        long runTime = m[TaskMetric.EXECUTOR_RUN_TIME.ordinal()];
        long deserialize = m[TaskMetric.EXECUTOR_DESERIALIZE_TIME.ordinal()];
        long serialize = m[TaskMetric.RESULT_SERIALIZATION_TIME.ordinal()];
        long schedulerDelay = Math.max(0, duration - runTime - deserialize - serialize - fetchingResult);
        stage.addToSketch(TaskQuantity.DURATION, duration);
        stage.addToSketch(TaskQuantity.EXECUTOR_DESERIALIZE_TIME, deserialize);
        stage.addToSketch(TaskQuantity.EXECUTOR_RUN_TIME, runTime);
        stage.addToSketch(TaskQuantity.EXECUTOR_CPU_TIME, m[TaskMetric.EXECUTOR_CPU_TIME.ordinal()]);
        stage.addToSketch(TaskQuantity.RESULT_SIZE, m[TaskMetric.RESULT_SIZE.ordinal()]);
        stage.addToSketch(TaskQuantity.JVM_GC_TIME, m[TaskMetric.JVM_GC_TIME.ordinal()]);
        stage.addToSketch(TaskQuantity.RESULT_SERIALIZATION_TIME, serialize);
        stage.addToSketch(TaskQuantity.GETTING_RESULT_TIME, fetchingResult);
        stage.addToSketch(TaskQuantity.SCHEDULER_DELAY, schedulerDelay);
        stage.addToSketch(TaskQuantity.PEAK_EXECUTION_MEMORY, m[TaskMetric.PEAK_EXECUTION_MEMORY.ordinal()]);
        stage.addToSketch(TaskQuantity.MEMORY_BYTES_SPILLED, m[TaskMetric.MEMORY_BYTES_SPILLED.ordinal()]);
        stage.addToSketch(TaskQuantity.DISK_BYTES_SPILLED, m[TaskMetric.DISK_BYTES_SPILLED.ordinal()]);
        stage.addToSketch(TaskQuantity.INPUT_BYTES, m[TaskMetric.INPUT_BYTES.ordinal()]);
        stage.addToSketch(TaskQuantity.INPUT_RECORDS, m[TaskMetric.INPUT_RECORDS.ordinal()]);
        stage.addToSketch(TaskQuantity.OUTPUT_BYTES, m[TaskMetric.OUTPUT_BYTES.ordinal()]);
        stage.addToSketch(TaskQuantity.OUTPUT_RECORDS, m[TaskMetric.OUTPUT_RECORDS.ordinal()]);
        stage.addToSketch(TaskQuantity.SHUFFLE_READ_BYTES, m[TaskMetric.SHUFFLE_LOCAL_BYTES_READ.ordinal()]
                + m[TaskMetric.SHUFFLE_REMOTE_BYTES_READ.ordinal()]);
        stage.addToSketch(TaskQuantity.SHUFFLE_READ_RECORDS, m[TaskMetric.SHUFFLE_READ_RECORDS.ordinal()]);
        stage.addToSketch(TaskQuantity.SHUFFLE_FETCH_WAIT_TIME, m[TaskMetric.SHUFFLE_FETCH_WAIT_TIME.ordinal()]);
        stage.addToSketch(TaskQuantity.SHUFFLE_REMOTE_BYTES_READ, m[TaskMetric.SHUFFLE_REMOTE_BYTES_READ.ordinal()]);
        stage.addToSketch(TaskQuantity.SHUFFLE_WRITE_BYTES, m[TaskMetric.SHUFFLE_WRITE_BYTES.ordinal()]);
        stage.addToSketch(TaskQuantity.SHUFFLE_WRITE_RECORDS, m[TaskMetric.SHUFFLE_WRITE_RECORDS.ordinal()]);
        stage.addToSketch(TaskQuantity.SHUFFLE_WRITE_TIME, m[TaskMetric.SHUFFLE_WRITE_TIME.ordinal()]);
    }

    private static void recordFailure(FailureGroups groups, String reason, Map<String, Object> json, int stageId,
                                      String executorId, long duration) {
        TaskFailureKind kind = TaskFailureKind.fromSparkName(reason);
        String cause;
        String message;
        switch (kind) {
            case EXCEPTION_FAILURE -> {
                cause = str(json, "Class Name", "unknown exception");
                message = str(json, "Description", "");
            }
            case EXECUTOR_LOST_FAILURE -> {
                message = str(json, "Loss Reason", "");
                cause = FailureCauses.executorLoss(message);
            }
            case FETCH_FAILED -> {
                message = str(json, "Message", "");
                Map<String, Object> bm = obj(json, "Block Manager Address");
                cause = bm == null ? "shuffle fetch failed" : "shuffle fetch failed from " + str(bm, "Host", "?");
            }
            case TASK_KILLED -> {
                message = str(json, "Kill Reason", "");
                cause = message.isEmpty() ? "unknown reason" : message;
            }
            default -> {
                message = reason;
                cause = reason;
            }
        }
        groups.add(kind, cause, message, stageId, executorId, duration);
    }

    private void onStageExecutorMetrics(Map<String, Object> e) {
        String executorId = str(e, "Executor ID", "");
        Map<String, Object> metrics = obj(e, "Executor Metrics");
        LiveExecutor exec = liveExecutors.get(executorId);
        if (exec == null) {
            // The History Server also updates executors removed while a stage was running.
            exec = executors.get(executorId);
        }
        if (exec != null) {
            exec.peaks.update(metrics);
        }
        LiveStage stage = liveStages.get(stageKey(integer(e, "Stage ID", -1), integer(e, "Stage Attempt ID", 0)));
        if (stage != null) {
            stage.peaks.update(metrics);
        }
    }

    private void onExecutorMetricsUpdate(Map<String, Object> e) {
        String executorId = str(e, "Executor ID", "");
        for (Object o : list(e, "Executor Metrics Updated")) {
            Map<String, Object> update = JsonAccess.asObj(o);
            Map<String, Object> metrics = obj(update, "Executor Metrics");
            LiveExecutor exec = liveExecutors.get(executorId);
            if (exec != null) {
                exec.peaks.update(metrics);
            }
            LiveStage stage = liveStages.get(stageKey(integer(update, "Stage ID", -1),
                    integer(update, "Stage Attempt ID", 0)));
            if (stage != null) {
                stage.peaks.update(metrics);
            }
        }
    }

    // ---------------------------------------------------------------- SQL

    private LiveSql sql(long id) {
        return sqlExecutions.computeIfAbsent(id, LiveSql::new);
    }

    private void onSqlStart(Map<String, Object> e) {
        LiveSql sql = sql(lng(e, "executionId", -1));
        sql.started = true;
        sql.description = str(e, "description", "");
        sql.details = str(e, "details", "");
        sql.physicalPlanDescription = str(e, "physicalPlanDescription", "");
        sql.submissionTime = optLng(e, "time");
        sql.rootExecutionId = optLng(e, "rootExecutionId");
        setPlan(sql, obj(e, "sparkPlanInfo"));
    }

    private void onSqlAdaptiveUpdate(Map<String, Object> e) {
        LiveSql sql = sqlExecutions.get(lng(e, "executionId", -1));
        if (sql == null) {
            return;     // an execution whose start is not in the log (a rolled-over part)
        }
        sql.physicalPlanDescription = str(e, "physicalPlanDescription", sql.physicalPlanDescription);
        setPlan(sql, obj(e, "sparkPlanInfo"));
    }

    private void setPlan(LiveSql sql, Map<String, Object> planJson) {
        if (planJson == null) {
            return;
        }
        sql.plan = Optional.of(PlanParser.parse(planJson, sql.metricIds, sqlMetrics));
    }

    private void onSqlAdaptiveMetrics(Map<String, Object> e) {
        LiveSql sql = sqlExecutions.get(lng(e, "executionId", -1));
        if (sql == null) {
            return;     // an execution whose start is not in the log (a rolled-over part)
        }
        for (Object o : list(e, "sqlPlanMetrics")) {
            long id = lng(JsonAccess.asObj(o), "accumulatorId", -1);
            if (id >= 0) {
                sql.metricIds.add(id);
                sqlMetrics.register(id);
            }
        }
    }

    private void onSqlEnd(Map<String, Object> e) {
        LiveSql sql = sqlExecutions.get(lng(e, "executionId", -1));
        if (sql == null) {
            return;     // an execution whose start is not in the log (a rolled-over part)
        }
        sql.completionTime = optLng(e, "time");
        Optional<String> error = optStr(e, "errorMessage");
        sql.errorMessage = error.filter(s -> !s.isEmpty());
    }

    private void onDriverAccumUpdates(Map<String, Object> e) {
        for (Object o : list(e, "accumUpdates")) {
            if (o instanceof List<?> pair && pair.size() == 2) {
                sqlMetrics.update(JsonAccess.toLong(pair.get(0), -1), JsonAccess.toLong(pair.get(1), 0));
            }
        }
    }
}
