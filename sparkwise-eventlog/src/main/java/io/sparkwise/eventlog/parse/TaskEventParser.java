package io.sparkwise.eventlog.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sparkwise.eventlog.build.JsonAccess;
import io.sparkwise.eventlog.build.TaskEvent;
import io.sparkwise.model.TaskMetric;

import java.io.IOException;

/**
 * Reads the fields of a task event after its "Event" field straight from the token stream into a
 * reused {@link TaskEvent}: a switch on field names, everything unused skipped without
 * materializing it. Field names are JsonProtocol's; absent fields keep Spark's defaults (0).
 */
final class TaskEventParser {

    private TaskEventParser() {
    }

    /** Parses the rest of the event object; the parser stands after the "Event" value. */
    static void parse(JsonParser p, TaskEvent e) throws IOException {
        e.clear();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "Stage ID" -> e.stageId = p.getIntValue();
                case "Stage Attempt ID" -> e.stageAttemptId = p.getIntValue();
                case "Task Info" -> taskInfo(p, e);
                case "Task End Reason" -> reason(p, e);
                case "Task Metrics" -> {
                    if (t == JsonToken.START_OBJECT) {
                        e.hasMetrics = true;
                        taskMetrics(p, e.metrics);
                    }
                }
                case "Task Executor Metrics" -> peaks(p, e);
                default -> p.skipChildren();
            }
        }
    }

    private static void taskInfo(JsonParser p, TaskEvent e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "Task ID" -> e.taskId = p.getLongValue();
                case "Index" -> e.index = p.getIntValue();
                case "Launch Time" -> e.launchTime = p.getLongValue();
                case "Finish Time" -> e.finishTime = p.getLongValue();
                case "Getting Result Time" -> e.gettingResultTime = p.getLongValue();
                case "Executor ID" -> e.executorId = p.getText();
                case "Locality" -> e.locality = p.getText();
                case "Speculative" -> e.speculative = t == JsonToken.VALUE_TRUE;
                case "Accumulables" -> accumulables(p, e);
                default -> p.skipChildren();
            }
        }
    }

    private static void reason(JsonParser p, TaskEvent e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        // Success is {"Reason":"Success"}: read it without a tree; anything else is rare.
        java.util.Map<String, Object> fields = JsonAccess.asObj(JsonAccess.read(p));
        e.reason = JsonAccess.str(fields, "Reason", "Success");
        e.reasonFields = "Success".equals(e.reason) ? null : fields;
    }

    private static void accumulables(JsonParser p, TaskEvent e) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long id = -1;
            long update = Long.MIN_VALUE;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (field.equals("ID")) {
                    id = p.getLongValue();
                } else if (field.equals("Update")) {
                    update = numeric(p, t);
                } else {
                    p.skipChildren();
                }
            }
            if (id >= 0 && update != Long.MIN_VALUE) {
                e.addAccumulator(id, update);
            }
        }
    }

    /** An accumulator update: a number, or a number written as a string (SQL metrics). */
    private static long numeric(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException notALong) {
                return Long.MIN_VALUE;
            }
        }
        p.skipChildren();
        return Long.MIN_VALUE;
    }

    private static void peaks(JsonParser p, TaskEvent e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                e.addPeak(field, p.getLongValue());
            } else {
                p.skipChildren();
            }
        }
    }

    private static void taskMetrics(JsonParser p, long[] m) throws IOException {
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "Executor Deserialize Time" -> m[TaskMetric.EXECUTOR_DESERIALIZE_TIME.ordinal()] = longValue(p, t);
                case "Executor Deserialize CPU Time" -> m[TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME.ordinal()] = longValue(p, t);
                case "Executor Run Time" -> m[TaskMetric.EXECUTOR_RUN_TIME.ordinal()] = longValue(p, t);
                case "Executor CPU Time" -> m[TaskMetric.EXECUTOR_CPU_TIME.ordinal()] = longValue(p, t);
                case "Peak Execution Memory" -> m[TaskMetric.PEAK_EXECUTION_MEMORY.ordinal()] = longValue(p, t);
                case "Result Size" -> m[TaskMetric.RESULT_SIZE.ordinal()] = longValue(p, t);
                case "JVM GC Time" -> m[TaskMetric.JVM_GC_TIME.ordinal()] = longValue(p, t);
                case "Result Serialization Time" -> m[TaskMetric.RESULT_SERIALIZATION_TIME.ordinal()] = longValue(p, t);
                case "Memory Bytes Spilled" -> m[TaskMetric.MEMORY_BYTES_SPILLED.ordinal()] = longValue(p, t);
                case "Disk Bytes Spilled" -> m[TaskMetric.DISK_BYTES_SPILLED.ordinal()] = longValue(p, t);
                case "Shuffle Read Metrics" -> shuffleRead(p, t, m);
                case "Shuffle Write Metrics" -> shuffleWrite(p, t, m);
                case "Input Metrics" -> input(p, t, m);
                case "Output Metrics" -> output(p, t, m);
                default -> p.skipChildren();
            }
        }
    }

    private static void shuffleRead(JsonParser p, JsonToken t, long[] m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "Remote Blocks Fetched" -> m[TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED.ordinal()] = longValue(p, v);
                case "Local Blocks Fetched" -> m[TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED.ordinal()] = longValue(p, v);
                case "Fetch Wait Time" -> m[TaskMetric.SHUFFLE_FETCH_WAIT_TIME.ordinal()] = longValue(p, v);
                case "Remote Bytes Read" -> m[TaskMetric.SHUFFLE_REMOTE_BYTES_READ.ordinal()] = longValue(p, v);
                case "Remote Bytes Read To Disk" -> m[TaskMetric.SHUFFLE_REMOTE_BYTES_READ_TO_DISK.ordinal()] = longValue(p, v);
                case "Local Bytes Read" -> m[TaskMetric.SHUFFLE_LOCAL_BYTES_READ.ordinal()] = longValue(p, v);
                case "Total Records Read" -> m[TaskMetric.SHUFFLE_READ_RECORDS.ordinal()] = longValue(p, v);
                case "Remote Requests Duration" -> m[TaskMetric.SHUFFLE_REMOTE_REQS_DURATION.ordinal()] = longValue(p, v);
                // Spark 3.2 development builds wrote the push-based metrics under an older name.
                case "Push Based Shuffle", "Shuffle Push Read Metrics" -> pushRead(p, v, m);
                default -> p.skipChildren();
            }
        }
    }

    private static void pushRead(JsonParser p, JsonToken t, long[] m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "Corrupt Merged Block Chunks" -> m[TaskMetric.SHUFFLE_CORRUPT_MERGED_BLOCK_CHUNKS.ordinal()] = longValue(p, v);
                case "Merged Fetch Fallback Count", "Merged Fallback Count" ->
                        m[TaskMetric.SHUFFLE_MERGED_FETCH_FALLBACK_COUNT.ordinal()] = longValue(p, v);
                case "Merged Remote Blocks Fetched" -> m[TaskMetric.SHUFFLE_MERGED_REMOTE_BLOCKS_FETCHED.ordinal()] = longValue(p, v);
                case "Merged Local Blocks Fetched" -> m[TaskMetric.SHUFFLE_MERGED_LOCAL_BLOCKS_FETCHED.ordinal()] = longValue(p, v);
                case "Merged Remote Chunks Fetched" -> m[TaskMetric.SHUFFLE_MERGED_REMOTE_CHUNKS_FETCHED.ordinal()] = longValue(p, v);
                case "Merged Local Chunks Fetched" -> m[TaskMetric.SHUFFLE_MERGED_LOCAL_CHUNKS_FETCHED.ordinal()] = longValue(p, v);
                case "Merged Remote Bytes Read" -> m[TaskMetric.SHUFFLE_MERGED_REMOTE_BYTES_READ.ordinal()] = longValue(p, v);
                case "Merged Local Bytes Read" -> m[TaskMetric.SHUFFLE_MERGED_LOCAL_BYTES_READ.ordinal()] = longValue(p, v);
                case "Merged Remote Requests Duration" ->
                        m[TaskMetric.SHUFFLE_MERGED_REMOTE_REQS_DURATION.ordinal()] = longValue(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static void shuffleWrite(JsonParser p, JsonToken t, long[] m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "Shuffle Bytes Written" -> m[TaskMetric.SHUFFLE_WRITE_BYTES.ordinal()] = longValue(p, v);
                case "Shuffle Write Time" -> m[TaskMetric.SHUFFLE_WRITE_TIME.ordinal()] = longValue(p, v);
                case "Shuffle Records Written" -> m[TaskMetric.SHUFFLE_WRITE_RECORDS.ordinal()] = longValue(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static void input(JsonParser p, JsonToken t, long[] m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "Bytes Read" -> m[TaskMetric.INPUT_BYTES.ordinal()] = longValue(p, v);
                case "Records Read" -> m[TaskMetric.INPUT_RECORDS.ordinal()] = longValue(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static void output(JsonParser p, JsonToken t, long[] m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "Bytes Written" -> m[TaskMetric.OUTPUT_BYTES.ordinal()] = longValue(p, v);
                case "Records Written" -> m[TaskMetric.OUTPUT_RECORDS.ordinal()] = longValue(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static long longValue(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getValueAsLong();
        }
        if (t == JsonToken.VALUE_STRING) {
            return JsonAccess.toLong(p.getText(), 0);
        }
        p.skipChildren();
        return 0;
    }
}
