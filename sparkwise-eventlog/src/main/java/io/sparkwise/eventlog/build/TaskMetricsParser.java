package io.sparkwise.eventlog.build;

import io.sparkwise.model.TaskMetric;

import java.util.Map;

import static io.sparkwise.eventlog.build.JsonAccess.lng;
import static io.sparkwise.eventlog.build.JsonAccess.obj;

/**
 * Reads JsonProtocol's "Task Metrics" into an array indexed by {@link TaskMetric}. Fields older
 * Spark versions did not write count as 0, exactly as Spark's own reader does, so totals match
 * the History Server's.
 */
final class TaskMetricsParser {

    private TaskMetricsParser() {
    }

    static long[] parse(Map<String, Object> m) {
        long[] v = new long[TaskMetric.values().length];
        set(v, TaskMetric.EXECUTOR_DESERIALIZE_TIME, m, "Executor Deserialize Time");
        set(v, TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME, m, "Executor Deserialize CPU Time");
        set(v, TaskMetric.EXECUTOR_RUN_TIME, m, "Executor Run Time");
        set(v, TaskMetric.EXECUTOR_CPU_TIME, m, "Executor CPU Time");
        set(v, TaskMetric.PEAK_EXECUTION_MEMORY, m, "Peak Execution Memory");
        set(v, TaskMetric.RESULT_SIZE, m, "Result Size");
        set(v, TaskMetric.JVM_GC_TIME, m, "JVM GC Time");
        set(v, TaskMetric.RESULT_SERIALIZATION_TIME, m, "Result Serialization Time");
        set(v, TaskMetric.MEMORY_BYTES_SPILLED, m, "Memory Bytes Spilled");
        set(v, TaskMetric.DISK_BYTES_SPILLED, m, "Disk Bytes Spilled");

        Map<String, Object> read = obj(m, "Shuffle Read Metrics");
        if (read != null) {
            set(v, TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED, read, "Remote Blocks Fetched");
            set(v, TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED, read, "Local Blocks Fetched");
            set(v, TaskMetric.SHUFFLE_FETCH_WAIT_TIME, read, "Fetch Wait Time");
            set(v, TaskMetric.SHUFFLE_REMOTE_BYTES_READ, read, "Remote Bytes Read");
            set(v, TaskMetric.SHUFFLE_REMOTE_BYTES_READ_TO_DISK, read, "Remote Bytes Read To Disk");
            set(v, TaskMetric.SHUFFLE_LOCAL_BYTES_READ, read, "Local Bytes Read");
            set(v, TaskMetric.SHUFFLE_READ_RECORDS, read, "Total Records Read");
            set(v, TaskMetric.SHUFFLE_REMOTE_REQS_DURATION, read, "Remote Requests Duration");
            // Spark 3.2 development builds wrote the push-based metrics under older names.
            Map<String, Object> push = obj(read, "Push Based Shuffle");
            if (push == null) {
                push = obj(read, "Shuffle Push Read Metrics");
            }
            if (push != null) {
                set(v, TaskMetric.SHUFFLE_CORRUPT_MERGED_BLOCK_CHUNKS, push, "Corrupt Merged Block Chunks");
                set(v, TaskMetric.SHUFFLE_MERGED_FETCH_FALLBACK_COUNT, push,
                        push.containsKey("Merged Fetch Fallback Count") ? "Merged Fetch Fallback Count" : "Merged Fallback Count");
                set(v, TaskMetric.SHUFFLE_MERGED_REMOTE_BLOCKS_FETCHED, push, "Merged Remote Blocks Fetched");
                set(v, TaskMetric.SHUFFLE_MERGED_LOCAL_BLOCKS_FETCHED, push, "Merged Local Blocks Fetched");
                set(v, TaskMetric.SHUFFLE_MERGED_REMOTE_CHUNKS_FETCHED, push, "Merged Remote Chunks Fetched");
                set(v, TaskMetric.SHUFFLE_MERGED_LOCAL_CHUNKS_FETCHED, push, "Merged Local Chunks Fetched");
                set(v, TaskMetric.SHUFFLE_MERGED_REMOTE_BYTES_READ, push, "Merged Remote Bytes Read");
                set(v, TaskMetric.SHUFFLE_MERGED_LOCAL_BYTES_READ, push, "Merged Local Bytes Read");
                set(v, TaskMetric.SHUFFLE_MERGED_REMOTE_REQS_DURATION, push, "Merged Remote Requests Duration");
            }
        }
        Map<String, Object> write = obj(m, "Shuffle Write Metrics");
        if (write != null) {
            set(v, TaskMetric.SHUFFLE_WRITE_BYTES, write, "Shuffle Bytes Written");
            set(v, TaskMetric.SHUFFLE_WRITE_TIME, write, "Shuffle Write Time");
            set(v, TaskMetric.SHUFFLE_WRITE_RECORDS, write, "Shuffle Records Written");
        }
        Map<String, Object> input = obj(m, "Input Metrics");
        if (input != null) {
            set(v, TaskMetric.INPUT_BYTES, input, "Bytes Read");
            set(v, TaskMetric.INPUT_RECORDS, input, "Records Read");
        }
        Map<String, Object> output = obj(m, "Output Metrics");
        if (output != null) {
            set(v, TaskMetric.OUTPUT_BYTES, output, "Bytes Written");
            set(v, TaskMetric.OUTPUT_RECORDS, output, "Records Written");
        }
        return v;
    }

    private static void set(long[] v, TaskMetric metric, Map<String, Object> json, String field) {
        v[metric.ordinal()] = lng(json, field, 0);
    }
}
