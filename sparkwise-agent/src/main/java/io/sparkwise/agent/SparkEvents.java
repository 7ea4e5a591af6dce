package io.sparkwise.agent;

import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.ApplicationEnd;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.BlockManagerAdded;
import io.sparkwise.state.event.EnvironmentUpdate;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.ExecutorExcluded;
import io.sparkwise.state.event.ExecutorExcludedForStage;
import io.sparkwise.state.event.ExecutorUnexcluded;
import io.sparkwise.state.event.NodeExcluded;
import io.sparkwise.state.event.NodeExcludedForStage;
import io.sparkwise.state.event.NodeUnexcluded;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.MetricValues;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageInfo;
import io.sparkwise.state.event.StageSubmitted;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskEndReason;
import io.sparkwise.state.event.TaskInfo;
import io.sparkwise.state.event.TaskStart;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.FetchFailed;
import org.apache.spark.Success$;
import org.apache.spark.TaskCommitDenied;
import org.apache.spark.TaskKilled;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerBlockManagerAdded;
import org.apache.spark.scheduler.SparkListenerEnvironmentUpdate;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorExcluded;
import org.apache.spark.scheduler.SparkListenerExecutorExcludedForStage;
import org.apache.spark.scheduler.SparkListenerExecutorUnexcluded;
import org.apache.spark.scheduler.SparkListenerNodeExcluded;
import org.apache.spark.scheduler.SparkListenerNodeExcludedForStage;
import org.apache.spark.scheduler.SparkListenerNodeUnexcluded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.cluster.ExecutorInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Spark's listener events, converted straight into the core's typed events (no JSON), with the
 * fields the JSON adapter (eventlog's JsonEventDecoder) fills, in the same units, so the state
 * sees a live application as it sees its log. Runs on Spark's listener-bus thread: no blocking,
 * and Scala collections only through {@link ScalaValues} (see there why).
 */
final class SparkEvents {

    /**
     * The executor metrics a task end carries ({@code ExecutorMetricType.metricToOffset} is
     * private to Spark, so the names are listed here, in Spark's order).
     */
    private static final String[] EXECUTOR_METRICS = {
        "JVMHeapMemory", "JVMOffHeapMemory", "OnHeapExecutionMemory", "OffHeapExecutionMemory",
        "OnHeapStorageMemory", "OffHeapStorageMemory", "OnHeapUnifiedMemory", "OffHeapUnifiedMemory",
        "DirectPoolMemory", "MappedPoolMemory", "ProcessTreeJVMVMemory", "ProcessTreeJVMRSSMemory",
        "ProcessTreePythonVMemory", "ProcessTreePythonRSSMemory", "ProcessTreeOtherVMemory",
        "ProcessTreeOtherRSSMemory", "MinorGCCount", "MinorGCTime", "MajorGCCount", "MajorGCTime",
        "TotalGCTime", "ConcurrentGCCount", "ConcurrentGCTime"};

    private static final int METRIC_COUNT = TaskMetric.values().length;

    private SparkEvents() {
    }

    static ApplicationStart applicationStart(SparkListenerApplicationStart e) {
        return new ApplicationStart(nonNull(e.appName()), ScalaValues.optionalString(e.appId()),
                OptionalLong.of(e.time()), nonNull(e.sparkUser()), ScalaValues.optionalString(e.appAttemptId()),
                ScalaValues.option(e.driverLogs()).map(ScalaValues::stringMap).orElseGet(Map::of),
                ScalaValues.option(e.driverAttributes()).map(ScalaValues::stringMap).orElseGet(Map::of));
    }

    static ApplicationEnd applicationEnd(SparkListenerApplicationEnd e) {
        return new ApplicationEnd(OptionalLong.of(e.time()));
    }

    /** The sections as Spark's Environment tab names them; of the classpath only the entry count. */
    static EnvironmentUpdate environmentUpdate(SparkListenerEnvironmentUpdate e) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (Object o : ScalaValues.elements(e, "environmentDetails")) {
            scala.Tuple2<?, ?> section = (scala.Tuple2<?, ?>) o;
            Map<String, String> values = new LinkedHashMap<>();
            for (Object p : ScalaValues.elements(section._2())) {
                scala.Tuple2<?, ?> kv = (scala.Tuple2<?, ?>) p;
                if (kv._1() != null && kv._2() != null) {
                    values.put(String.valueOf(kv._1()), String.valueOf(kv._2()));
                }
            }
            sections.put(String.valueOf(section._1()), values);
        }
        return new EnvironmentUpdate(section(sections, "JVM Information"), section(sections, "Spark Properties"),
                section(sections, "Hadoop Properties"), section(sections, "System Properties"),
                section(sections, "Metrics Properties"), section(sections, "Classpath Entries").size());
    }

    static BlockManagerAdded blockManagerAdded(SparkListenerBlockManagerAdded e) {
        return new BlockManagerAdded(e.time(), nonNull(e.blockManagerId().executorId()),
                nonNull(e.blockManagerId().host()), e.blockManagerId().port(), e.maxMem(),
                ScalaValues.optionalLong(e.maxOnHeapMem()), ScalaValues.optionalLong(e.maxOffHeapMem()));
    }

    static ExecutorAdded executorAdded(SparkListenerExecutorAdded e) {
        ExecutorInfo info = e.executorInfo();
        Map<String, List<String>> resources = new LinkedHashMap<>();
        for (Object o : ScalaValues.elements(info, "resourcesInfo")) {
            scala.Tuple2<?, ?> kv = (scala.Tuple2<?, ?>) o;
            org.apache.spark.resource.ResourceInformation r = (org.apache.spark.resource.ResourceInformation) kv._2();
            resources.put(String.valueOf(kv._1()), List.of(r.addresses()));
        }
        return new ExecutorAdded(e.time(), nonNull(e.executorId()), nonNull(info.executorHost()), info.totalCores(),
                info.resourceProfileId(), stringMap(info, "logUrlMap"),
                stringMap(info, "attributes"), resources);
    }

    static ExecutorRemoved executorRemoved(SparkListenerExecutorRemoved e) {
        return new ExecutorRemoved(OptionalLong.of(e.time()), nonNull(e.executorId()), Optional.ofNullable(e.reason()));
    }

    static ExecutorExcluded executorExcluded(SparkListenerExecutorExcluded e) {
        return new ExecutorExcluded(e.time(), nonNull(e.executorId()));
    }

    static ExecutorUnexcluded executorUnexcluded(SparkListenerExecutorUnexcluded e) {
        return new ExecutorUnexcluded(e.time(), nonNull(e.executorId()));
    }

    static NodeExcluded nodeExcluded(SparkListenerNodeExcluded e) {
        return new NodeExcluded(e.time(), nonNull(e.hostId()));
    }

    static NodeUnexcluded nodeUnexcluded(SparkListenerNodeUnexcluded e) {
        return new NodeUnexcluded(e.time(), nonNull(e.hostId()));
    }

    static ExecutorExcludedForStage executorExcludedForStage(SparkListenerExecutorExcludedForStage e) {
        return new ExecutorExcludedForStage(e.time(), nonNull(e.executorId()), e.stageId(), e.stageAttemptId());
    }

    static NodeExcludedForStage nodeExcludedForStage(SparkListenerNodeExcludedForStage e) {
        return new NodeExcludedForStage(e.time(), nonNull(e.hostId()), e.stageId(), e.stageAttemptId());
    }

    static JobStart jobStart(SparkListenerJobStart e) {
        List<StageInfo> infos = new ArrayList<>();
        List<Integer> stageIds = new ArrayList<>();
        for (Object o : ScalaValues.elements(e, "stageInfos")) {
            StageInfo info = stageInfo((org.apache.spark.scheduler.StageInfo) o);
            infos.add(info);
            stageIds.add(info.stageId());
        }
        return new JobStart(e.jobId(), OptionalLong.of(e.time()), infos, stageIds, properties(e.properties()));
    }

    static JobEnd jobEnd(SparkListenerJobEnd e) {
        boolean succeeded = e.jobResult() instanceof JobSucceeded$;
        Optional<String> failure = Optional.empty();
        if (!succeeded) {
            // JobFailed is private to Spark: its exception is read through its accessor, by name.
            failure = ScalaValues.call(e.jobResult(), "exception")
                    .map(x -> x instanceof Throwable t ? String.valueOf(t.getMessage()) : String.valueOf(x));
        }
        return new JobEnd(e.jobId(), OptionalLong.of(e.time()), succeeded, failure);
    }

    static StageSubmitted stageSubmitted(SparkListenerStageSubmitted e) {
        return new StageSubmitted(stageInfo(e.stageInfo()), properties(e.properties()));
    }

    static StageCompleted stageCompleted(SparkListenerStageCompleted e) {
        return new StageCompleted(stageInfo(e.stageInfo()));
    }

    static TaskStart taskStart(SparkListenerTaskStart e) {
        return new TaskStart(e.stageId(), e.stageAttemptId(), taskInfo(e.taskInfo()));
    }

    static TaskEnd taskEnd(SparkListenerTaskEnd e) {
        TaskMetrics m = e.taskMetrics();
        return new TaskEnd(e.stageId(), e.stageAttemptId(), reason(e.reason()), taskInfo(e.taskInfo()),
                executorMetrics(e.taskExecutorMetrics()), m == null ? Optional.empty() : Optional.of(totals(m)));
    }

    static StageInfo stageInfo(org.apache.spark.scheduler.StageInfo s) {
        List<Integer> rddIds = new ArrayList<>();
        for (Object rdd : ScalaValues.elements(s, "rddInfos")) {
            rddIds.add(((org.apache.spark.storage.RDDInfo) rdd).id());
        }
        List<Integer> parentIds = new ArrayList<>();
        for (Object parent : ScalaValues.elements(s, "parentIds")) {
            parentIds.add(((Number) parent).intValue());
        }
        return new StageInfo(s.stageId(), s.attemptNumber(), nonNull(s.name()), s.numTasks(), rddIds, parentIds,
                nonNull(s.details()), ScalaValues.optionalLong(s.submissionTime()),
                ScalaValues.optionalLong(s.completionTime()), ScalaValues.optionalString(s.failureReason()),
                s.resourceProfileId());
    }

    static TaskInfo taskInfo(org.apache.spark.scheduler.TaskInfo t) {
        List<Object> accumulables = ScalaValues.elements(t, "accumulables");
        long[] ids = new long[accumulables.size()];
        long[] updates = new long[accumulables.size()];
        int n = 0;
        for (Object o : accumulables) {
            AccumulableInfo a = (AccumulableInfo) o;
            // As the JSON adapter: numeric updates only (a SQL metric's may be a number in a string).
            OptionalLong update = numeric(ScalaValues.option(a.update()));
            if (update.isPresent()) {
                ids[n] = a.id();
                updates[n++] = update.getAsLong();
            }
        }
        return new TaskInfo(t.taskId(), t.index(), t.launchTime(), t.finishTime(), t.gettingResultTime(),
                nonNull(t.executorId()), String.valueOf(t.taskLocality()), t.speculative(),
                AccumulatorUpdates.of(ids, updates, n));
    }

    static TaskEndReason reason(org.apache.spark.TaskEndReason reason) {
        if (reason instanceof Success$) {
            return TaskEndReason.SUCCESS;
        } else if (reason instanceof ExceptionFailure f) {
            return new TaskEndReason.ExceptionFailure(Optional.ofNullable(f.className()), nonNull(f.description()));
        } else if (reason instanceof ExecutorLostFailure f) {
            return new TaskEndReason.ExecutorLostFailure(ScalaValues.optionalString(f.reason()));
        } else if (reason instanceof FetchFailed f) {
            return new TaskEndReason.FetchFailed(
                    Optional.ofNullable(f.bmAddress()).map(org.apache.spark.storage.BlockManagerId::host),
                    nonNull(f.message()));
        } else if (reason instanceof TaskKilled k) {
            return new TaskEndReason.TaskKilled(Optional.ofNullable(k.reason()));
        } else if (reason instanceof TaskCommitDenied d) {
            return new TaskEndReason.TaskCommitDenied(d.jobID(), d.partitionID(), d.attemptNumber());
        }
        // Resubmitted, TaskResultLost, UnknownReason are Scala objects: Resubmitted$ -> Resubmitted.
        String name = reason == null ? "UnknownReason" : reason.getClass().getSimpleName();
        return new TaskEndReason.Other(name.endsWith("$") ? name.substring(0, name.length() - 1) : name);
    }

    /** A task's metrics as {@link TaskMetricTotals}, each in the unit Spark records it. */
    static TaskMetricTotals totals(TaskMetrics m) {
        long[] v = new long[METRIC_COUNT];
        var read = m.shuffleReadMetrics();
        var write = m.shuffleWriteMetrics();
        v[TaskMetric.EXECUTOR_DESERIALIZE_TIME.ordinal()] = m.executorDeserializeTime();
        v[TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME.ordinal()] = m.executorDeserializeCpuTime();
        v[TaskMetric.EXECUTOR_RUN_TIME.ordinal()] = m.executorRunTime();
        v[TaskMetric.EXECUTOR_CPU_TIME.ordinal()] = m.executorCpuTime();
        v[TaskMetric.RESULT_SIZE.ordinal()] = m.resultSize();
        v[TaskMetric.JVM_GC_TIME.ordinal()] = m.jvmGCTime();
        v[TaskMetric.RESULT_SERIALIZATION_TIME.ordinal()] = m.resultSerializationTime();
        v[TaskMetric.MEMORY_BYTES_SPILLED.ordinal()] = m.memoryBytesSpilled();
        v[TaskMetric.DISK_BYTES_SPILLED.ordinal()] = m.diskBytesSpilled();
        v[TaskMetric.PEAK_EXECUTION_MEMORY.ordinal()] = m.peakExecutionMemory();
        v[TaskMetric.INPUT_BYTES.ordinal()] = m.inputMetrics().bytesRead();
        v[TaskMetric.INPUT_RECORDS.ordinal()] = m.inputMetrics().recordsRead();
        v[TaskMetric.OUTPUT_BYTES.ordinal()] = m.outputMetrics().bytesWritten();
        v[TaskMetric.OUTPUT_RECORDS.ordinal()] = m.outputMetrics().recordsWritten();
        v[TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED.ordinal()] = read.remoteBlocksFetched();
        v[TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED.ordinal()] = read.localBlocksFetched();
        v[TaskMetric.SHUFFLE_FETCH_WAIT_TIME.ordinal()] = read.fetchWaitTime();
        v[TaskMetric.SHUFFLE_REMOTE_BYTES_READ.ordinal()] = read.remoteBytesRead();
        v[TaskMetric.SHUFFLE_REMOTE_BYTES_READ_TO_DISK.ordinal()] = read.remoteBytesReadToDisk();
        v[TaskMetric.SHUFFLE_LOCAL_BYTES_READ.ordinal()] = read.localBytesRead();
        v[TaskMetric.SHUFFLE_READ_RECORDS.ordinal()] = read.recordsRead();
        v[TaskMetric.SHUFFLE_REMOTE_REQS_DURATION.ordinal()] = read.remoteReqsDuration();
        v[TaskMetric.SHUFFLE_CORRUPT_MERGED_BLOCK_CHUNKS.ordinal()] = read.corruptMergedBlockChunks();
        v[TaskMetric.SHUFFLE_MERGED_FETCH_FALLBACK_COUNT.ordinal()] = read.mergedFetchFallbackCount();
        v[TaskMetric.SHUFFLE_MERGED_REMOTE_BLOCKS_FETCHED.ordinal()] = read.remoteMergedBlocksFetched();
        v[TaskMetric.SHUFFLE_MERGED_LOCAL_BLOCKS_FETCHED.ordinal()] = read.localMergedBlocksFetched();
        v[TaskMetric.SHUFFLE_MERGED_REMOTE_CHUNKS_FETCHED.ordinal()] = read.remoteMergedChunksFetched();
        v[TaskMetric.SHUFFLE_MERGED_LOCAL_CHUNKS_FETCHED.ordinal()] = read.localMergedChunksFetched();
        v[TaskMetric.SHUFFLE_MERGED_REMOTE_BYTES_READ.ordinal()] = read.remoteMergedBytesRead();
        v[TaskMetric.SHUFFLE_MERGED_LOCAL_BYTES_READ.ordinal()] = read.localMergedBytesRead();
        v[TaskMetric.SHUFFLE_MERGED_REMOTE_REQS_DURATION.ordinal()] = read.remoteMergedReqsDuration();
        v[TaskMetric.SHUFFLE_WRITE_BYTES.ordinal()] = write.bytesWritten();
        v[TaskMetric.SHUFFLE_WRITE_TIME.ordinal()] = write.writeTime();
        v[TaskMetric.SHUFFLE_WRITE_RECORDS.ordinal()] = write.recordsWritten();
        return TaskMetricTotals.of(v);
    }

    /** The executor's peak metrics while the task ran; names this Spark does not know are left out. */
    static MetricValues executorMetrics(ExecutorMetrics metrics) {
        if (metrics == null) {
            return MetricValues.EMPTY;
        }
        String[] names = knownExecutorMetrics(metrics);
        long[] values = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = metrics.getMetricValue(names[i]);
        }
        return MetricValues.of(names, values, names.length);
    }

    private static volatile String[] knownExecutorMetrics;

    /** The names this Spark knows, found once (an unknown name throws, and task ends are many). */
    private static String[] knownExecutorMetrics(ExecutorMetrics metrics) {
        String[] known = knownExecutorMetrics;
        if (known == null) {
            List<String> found = new ArrayList<>();
            for (String name : EXECUTOR_METRICS) {
                try {
                    metrics.getMetricValue(name);
                    found.add(name);
                } catch (RuntimeException unknownToThisSpark) {
                    // e.g. ConcurrentGCCount before Spark 4.0
                }
            }
            known = found.toArray(new String[0]);
            knownExecutorMetrics = known;
        }
        return known;
    }

    private static OptionalLong numeric(Optional<Object> value) {
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        Object v = value.get();
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return OptionalLong.of(((Number) v).longValue());
        }
        if (v instanceof String s) {
            try {
                return OptionalLong.of(Long.parseLong(s));
            } catch (NumberFormatException notALong) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    private static Map<String, String> properties(Properties properties) {
        Map<String, String> out = new LinkedHashMap<>();
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                out.put(name, properties.getProperty(name));
            }
        }
        return out;
    }

    private static Map<String, String> section(Map<String, Map<String, String>> sections, String name) {
        return sections.getOrDefault(name, Map.of());
    }

    /** A map-valued accessor, by name: its Scala type differs between Spark versions. */
    static Map<String, String> stringMap(Object target, String accessor) {
        return ScalaValues.call(target, accessor).map(ScalaValues::stringMap).orElseGet(Map::of);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
