package io.sparkwise.eventlog.parse;

import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.ApplicationEnd;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.BlockManagerAdded;
import io.sparkwise.state.event.DbcEventLoggingListenerMetadata;
import io.sparkwise.state.event.DriverAccumUpdates;
import io.sparkwise.state.event.EnvironmentUpdate;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.ExecutorExcluded;
import io.sparkwise.state.event.ExecutorExcludedForStage;
import io.sparkwise.state.event.ExecutorMetricsUpdate;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.ExecutorUnexcluded;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.LogStart;
import io.sparkwise.state.event.MetricValues;
import io.sparkwise.state.event.NodeExcluded;
import io.sparkwise.state.event.NodeExcludedForStage;
import io.sparkwise.state.event.NodeUnexcluded;
import io.sparkwise.state.event.OtherEvent;
import io.sparkwise.state.event.ResourceProfileAdded;
import io.sparkwise.state.event.SparkEvent;
import io.sparkwise.state.event.SparkPlanInfo;
import io.sparkwise.state.event.SqlAdaptiveExecutionUpdate;
import io.sparkwise.state.event.SqlAdaptiveSqlMetricUpdates;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageExecutorMetrics;
import io.sparkwise.state.event.StageInfo;
import io.sparkwise.state.event.StageSubmitted;
import io.sparkwise.state.event.TaskEndReason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.sparkwise.eventlog.parse.JsonAccess.asObj;
import static io.sparkwise.eventlog.parse.JsonAccess.has;
import static io.sparkwise.eventlog.parse.JsonAccess.integer;
import static io.sparkwise.eventlog.parse.JsonAccess.intList;
import static io.sparkwise.eventlog.parse.JsonAccess.list;
import static io.sparkwise.eventlog.parse.JsonAccess.lng;
import static io.sparkwise.eventlog.parse.JsonAccess.obj;
import static io.sparkwise.eventlog.parse.JsonAccess.optLng;
import static io.sparkwise.eventlog.parse.JsonAccess.optStr;
import static io.sparkwise.eventlog.parse.JsonAccess.str;
import static io.sparkwise.eventlog.parse.JsonAccess.stringMap;

/**
 * The JSON adapter of the event log: turns an event's JSON object (Spark's JsonProtocol, every
 * version from 1.x to 4.x) into its typed {@link SparkEvent}. Absent or ill-typed fields take the
 * defaults Spark's own reader would. Task events do not come here: {@link TaskEventParser} reads
 * them from the token stream without a tree.
 */
public final class JsonEventDecoder {

    private JsonEventDecoder() {
    }

    /** The events the state uses (and those read on purpose without effect); others are counted as unknown. */
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

    /**
     * Decodes an event other than a task event.
     *
     * @param name the event name without its package
     * @param e the event's JSON object
     */
    public static SparkEvent decode(String name, Map<String, Object> e) {
        return switch (name) {
            case "SparkListenerLogStart" -> new LogStart(optStr(e, "Spark Version"));
            case "SparkListenerApplicationStart" -> new ApplicationStart(str(e, "App Name", ""), optStr(e, "App ID"),
                    optLng(e, "Timestamp"), str(e, "User", ""), optStr(e, "App Attempt ID"),
                    stringMap(e, "Driver Logs"), stringMap(e, "Driver Attributes"));
            case "SparkListenerApplicationEnd" -> new ApplicationEnd(optLng(e, "Timestamp"));
            case "SparkListenerEnvironmentUpdate" -> environmentUpdate(e);
            case "SparkListenerResourceProfileAdded" -> resourceProfileAdded(e);
            case "SparkListenerBlockManagerAdded" -> blockManagerAdded(e);
            case "SparkListenerExecutorAdded" -> executorAdded(e);
            case "SparkListenerExecutorRemoved" -> new ExecutorRemoved(optLng(e, "Timestamp"),
                    str(e, "Executor ID", ""), optStr(e, "Removed Reason"));
            case "SparkListenerJobStart" -> jobStart(e);
            case "SparkListenerJobEnd" -> jobEnd(e);
            case "SparkListenerStageSubmitted" -> new StageSubmitted(StageInfos.parse(obj(e, "Stage Info")),
                    stringMap(e, "Properties"));
            case "SparkListenerStageCompleted" -> new StageCompleted(StageInfos.parse(obj(e, "Stage Info")));
            case "SparkListenerStageExecutorMetrics" -> new StageExecutorMetrics(str(e, "Executor ID", ""),
                    integer(e, "Stage ID", -1), integer(e, "Stage Attempt ID", 0), metricValues(obj(e, "Executor Metrics")));
            case "SparkListenerExecutorMetricsUpdate" -> executorMetricsUpdate(e);
            case "SparkListenerExecutorBlacklisted", "SparkListenerExecutorExcluded" ->
                    new ExecutorExcluded(time(e), str(e, "executorId", ""));
            case "SparkListenerExecutorUnblacklisted", "SparkListenerExecutorUnexcluded" ->
                    new ExecutorUnexcluded(time(e), str(e, "executorId", ""));
            case "SparkListenerNodeBlacklisted", "SparkListenerNodeExcluded" ->
                    new NodeExcluded(time(e), str(e, "hostId", ""));
            case "SparkListenerNodeUnblacklisted", "SparkListenerNodeUnexcluded" ->
                    new NodeUnexcluded(time(e), str(e, "hostId", ""));
            case "SparkListenerExecutorBlacklistedForStage", "SparkListenerExecutorExcludedForStage" ->
                    new ExecutorExcludedForStage(time(e), str(e, "executorId", ""), integer(e, "stageId", -1),
                            integer(e, "stageAttemptId", 0));
            case "SparkListenerNodeBlacklistedForStage", "SparkListenerNodeExcludedForStage" ->
                    new NodeExcludedForStage(time(e), str(e, "hostId", ""), integer(e, "stageId", -1),
                            integer(e, "stageAttemptId", 0));
            case "SparkListenerSQLExecutionStart" -> new SqlExecutionStart(lng(e, "executionId", -1),
                    optLng(e, "rootExecutionId"), str(e, "description", ""), str(e, "details", ""),
                    str(e, "physicalPlanDescription", ""), plan(e), optLng(e, "time"));
            case "SparkListenerSQLExecutionEnd" -> new SqlExecutionEnd(lng(e, "executionId", -1), optLng(e, "time"),
                    optStr(e, "errorMessage"));
            case "SparkListenerSQLAdaptiveExecutionUpdate" -> new SqlAdaptiveExecutionUpdate(lng(e, "executionId", -1),
                    optStr(e, "physicalPlanDescription"), plan(e));
            case "SparkListenerSQLAdaptiveSQLMetricUpdates" -> new SqlAdaptiveSqlMetricUpdates(
                    lng(e, "executionId", -1), PlanParser.metrics(list(e, "sqlPlanMetrics")));
            case "SparkListenerDriverAccumUpdates" -> driverAccumUpdates(e);
            case "DBCEventLoggingListenerMetadata" -> databricksMetadata(e);
            default -> new OtherEvent(name, eventTime(e));
        };
    }

    private static EnvironmentUpdate environmentUpdate(Map<String, Object> e) {
        Map<String, Object> classpath = obj(e, "Classpath Entries");
        return new EnvironmentUpdate(stringMap(e, "JVM Information"), stringMap(e, "Spark Properties"),
                stringMap(e, "Hadoop Properties"), stringMap(e, "System Properties"), stringMap(e, "Metrics Properties"),
                classpath == null ? 0 : classpath.size());
    }

    private static ResourceProfileAdded resourceProfileAdded(Map<String, Object> e) {
        Map<String, Long> executorResources = new LinkedHashMap<>();
        Map<String, Object> exec = obj(e, "Executor Resource Requests");
        if (exec != null) {
            exec.forEach((k, v) -> executorResources.put(k, lng(asObj(v), "Amount", 0)));
        }
        Map<String, Double> taskResources = new LinkedHashMap<>();
        Map<String, Object> task = obj(e, "Task Resource Requests");
        if (task != null) {
            task.forEach((k, v) -> taskResources.put(k, JsonAccess.dbl(asObj(v), "Amount", 0)));
        }
        return new ResourceProfileAdded(integer(e, "Resource Profile Id", 0), executorResources, taskResources);
    }

    private static BlockManagerAdded blockManagerAdded(Map<String, Object> e) {
        Map<String, Object> bm = obj(e, "Block Manager ID");
        // Spark 2.3+ writes on- and off-heap sizes; older logs only "Maximum Memory".
        boolean split = has(e, "Maximum Onheap Memory");
        return new BlockManagerAdded(lng(e, "Timestamp", 0), str(bm, "Executor ID", ""), str(bm, "Host", ""),
                (int) lng(bm, "Port", 0), lng(e, "Maximum Memory", 0),
                split ? OptionalLong.of(lng(e, "Maximum Onheap Memory", 0)) : OptionalLong.empty(),
                split ? OptionalLong.of(lng(e, "Maximum Offheap Memory", 0)) : OptionalLong.empty());
    }

    private static ExecutorAdded executorAdded(Map<String, Object> e) {
        Map<String, Object> info = obj(e, "Executor Info");
        Map<String, List<String>> resources = new LinkedHashMap<>();
        Map<String, Object> json = obj(info, "Resources");
        if (json != null) {
            json.forEach((name, v) -> {
                List<String> addresses = new ArrayList<>();
                for (Object a : list(asObj(v), "addresses")) {
                    addresses.add(String.valueOf(a));
                }
                resources.put(name, addresses);
            });
        }
        return new ExecutorAdded(lng(e, "Timestamp", 0), str(e, "Executor ID", ""), str(info, "Host", ""),
                integer(info, "Total Cores", 0), integer(info, "Resource Profile Id", 0), stringMap(info, "Log Urls"),
                stringMap(info, "Attributes"), resources);
    }

    private static JobStart jobStart(Map<String, Object> e) {
        List<StageInfo> infos = new ArrayList<>();
        for (Object o : list(e, "Stage Infos")) {
            infos.add(StageInfos.parse(asObj(o)));
        }
        List<Integer> stageIds = has(e, "Stage IDs") ? intList(e, "Stage IDs")
                : infos.stream().map(StageInfo::stageId).toList();
        return new JobStart(integer(e, "Job ID", -1), optLng(e, "Submission Time"), infos, stageIds,
                stringMap(e, "Properties"));
    }

    private static JobEnd jobEnd(Map<String, Object> e) {
        Map<String, Object> result = obj(e, "Job Result");
        boolean succeeded = "JobSucceeded".equals(str(result, "Result", "JobSucceeded"));
        Optional<String> failure = succeeded ? Optional.empty() : optStr(obj(result, "Exception"), "Message");
        return new JobEnd(integer(e, "Job ID", -1), optLng(e, "Completion Time"), succeeded, failure);
    }

    private static ExecutorMetricsUpdate executorMetricsUpdate(Map<String, Object> e) {
        List<ExecutorMetricsUpdate.StageUpdate> updates = new ArrayList<>();
        for (Object o : list(e, "Executor Metrics Updated")) {
            Map<String, Object> update = asObj(o);
            updates.add(new ExecutorMetricsUpdate.StageUpdate(integer(update, "Stage ID", -1),
                    integer(update, "Stage Attempt ID", 0), metricValues(obj(update, "Executor Metrics"))));
        }
        return new ExecutorMetricsUpdate(str(e, "Executor ID", ""), updates);
    }

    private static DriverAccumUpdates driverAccumUpdates(Map<String, Object> e) {
        List<Object> pairs = list(e, "accumUpdates");
        long[] ids = new long[pairs.size()];
        long[] values = new long[pairs.size()];
        int n = 0;
        for (Object o : pairs) {
            if (o instanceof List<?> pair && pair.size() == 2) {
                ids[n] = JsonAccess.toLong(pair.get(0), -1);
                values[n++] = JsonAccess.toLong(pair.get(1), 0);
            }
        }
        return new DriverAccumUpdates(lng(e, "executionId", -1), AccumulatorUpdates.of(ids, values, n));
    }

    private static DbcEventLoggingListenerMetadata databricksMetadata(Map<String, Object> e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.forEach((k, v) -> {
            if (!"Event".equals(k) && v != null) {
                fields.put(k, v.toString());
            }
        });
        long time = eventTime(e);
        return new DbcEventLoggingListenerMetadata(time > 0 ? OptionalLong.of(time) : OptionalLong.empty(), fields);
    }

    private static Optional<SparkPlanInfo> plan(Map<String, Object> e) {
        Map<String, Object> json = obj(e, "sparkPlanInfo");
        return json == null ? Optional.empty() : Optional.of(PlanParser.parse(json));
    }

    /** Executor metrics as a JSON object of numbers; other values are skipped. */
    private static MetricValues metricValues(Map<String, Object> json) {
        if (json == null || json.isEmpty()) {
            return MetricValues.EMPTY;
        }
        String[] names = new String[json.size()];
        long[] values = new long[json.size()];
        int n = 0;
        for (Map.Entry<String, Object> entry : json.entrySet()) {
            if (entry.getValue() instanceof Number number) {
                names[n] = entry.getKey();
                values[n++] = number.longValue();
            }
        }
        return MetricValues.of(names, values, n);
    }

    /** The "time" field of the exclusion events, 0 when absent. */
    private static long time(Map<String, Object> e) {
        return lng(e, "time", 0);
    }

    /**
     * The time of an event the state does not use, from whichever of JsonProtocol's time fields it
     * has (Timestamp, time, Task Info's launch or finish, submission or completion); 0 when none.
     */
    static long eventTime(Map<String, Object> e) {
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
        return Math.max(t, 0);
    }

    /** A task end reason other than Success, from its JSON object. */
    static TaskEndReason taskEndReason(String reason, Map<String, Object> json) {
        return switch (reason) {
            case "Success" -> TaskEndReason.SUCCESS;
            case "ExceptionFailure" -> new TaskEndReason.ExceptionFailure(optStr(json, "Class Name"),
                    str(json, "Description", ""));
            case "ExecutorLostFailure" -> new TaskEndReason.ExecutorLostFailure(optStr(json, "Loss Reason"));
            case "FetchFailed" -> {
                Map<String, Object> bm = obj(json, "Block Manager Address");
                yield new TaskEndReason.FetchFailed(bm == null ? Optional.empty() : Optional.of(str(bm, "Host", "?")),
                        str(json, "Message", ""));
            }
            case "TaskKilled" -> new TaskEndReason.TaskKilled(optStr(json, "Kill Reason"));
            case "TaskCommitDenied" -> new TaskEndReason.TaskCommitDenied(integer(json, "Job ID", -1),
                    integer(json, "Partition ID", -1), integer(json, "Attempt Number", -1));
            default -> new TaskEndReason.Other(reason);
        };
    }
}
