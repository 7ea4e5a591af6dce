package io.sparkwise.eventlog.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /** Maps a field name of one "Task Metrics" object to a {@link TaskMetric}, or null to skip it. */
    @FunctionalInterface
    private interface MetricFields {
        TaskMetric of(String field);
    }

    private static void taskMetrics(JsonParser p, long[] m) throws IOException {
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "Shuffle Read Metrics" -> shuffleRead(p, t, m);
                case "Shuffle Write Metrics" -> metricsObject(p, t, m, TaskEventParser::shuffleWriteField);
                case "Input Metrics" -> metricsObject(p, t, m, TaskEventParser::inputField);
                case "Output Metrics" -> metricsObject(p, t, m, TaskEventParser::outputField);
                default -> setOrSkip(p, t, m, topLevelField(field));
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
            // Spark 3.2 development builds wrote the push-based metrics under an older name.
            if (field.equals("Push Based Shuffle") || field.equals("Shuffle Push Read Metrics")) {
                metricsObject(p, v, m, TaskEventParser::pushReadField);
            } else {
                setOrSkip(p, v, m, shuffleReadField(field));
            }
        }
    }

    private static void metricsObject(JsonParser p, JsonToken t, long[] m, MetricFields fields) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            setOrSkip(p, p.nextToken(), m, fields.of(field));
        }
    }

    private static void setOrSkip(JsonParser p, JsonToken t, long[] m, TaskMetric metric) throws IOException {
        if (metric == null) {
            p.skipChildren();
        } else {
            m[metric.ordinal()] = longValue(p, t);
        }
    }

    private static TaskMetric topLevelField(String field) {
        return switch (field) {
            case "Executor Deserialize Time" -> TaskMetric.EXECUTOR_DESERIALIZE_TIME;
            case "Executor Deserialize CPU Time" -> TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME;
            case "Executor Run Time" -> TaskMetric.EXECUTOR_RUN_TIME;
            case "Executor CPU Time" -> TaskMetric.EXECUTOR_CPU_TIME;
            case "Peak Execution Memory" -> TaskMetric.PEAK_EXECUTION_MEMORY;
            case "Result Size" -> TaskMetric.RESULT_SIZE;
            case "JVM GC Time" -> TaskMetric.JVM_GC_TIME;
            case "Result Serialization Time" -> TaskMetric.RESULT_SERIALIZATION_TIME;
            case "Memory Bytes Spilled" -> TaskMetric.MEMORY_BYTES_SPILLED;
            case "Disk Bytes Spilled" -> TaskMetric.DISK_BYTES_SPILLED;
            default -> null;
        };
    }

    private static TaskMetric shuffleReadField(String field) {
        return switch (field) {
            case "Remote Blocks Fetched" -> TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED;
            case "Local Blocks Fetched" -> TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED;
            case "Fetch Wait Time" -> TaskMetric.SHUFFLE_FETCH_WAIT_TIME;
            case "Remote Bytes Read" -> TaskMetric.SHUFFLE_REMOTE_BYTES_READ;
            case "Remote Bytes Read To Disk" -> TaskMetric.SHUFFLE_REMOTE_BYTES_READ_TO_DISK;
            case "Local Bytes Read" -> TaskMetric.SHUFFLE_LOCAL_BYTES_READ;
            case "Total Records Read" -> TaskMetric.SHUFFLE_READ_RECORDS;
            case "Remote Requests Duration" -> TaskMetric.SHUFFLE_REMOTE_REQS_DURATION;
            default -> null;
        };
    }

    private static TaskMetric pushReadField(String field) {
        return switch (field) {
            case "Corrupt Merged Block Chunks" -> TaskMetric.SHUFFLE_CORRUPT_MERGED_BLOCK_CHUNKS;
            case "Merged Fetch Fallback Count", "Merged Fallback Count" -> TaskMetric.SHUFFLE_MERGED_FETCH_FALLBACK_COUNT;
            case "Merged Remote Blocks Fetched" -> TaskMetric.SHUFFLE_MERGED_REMOTE_BLOCKS_FETCHED;
            case "Merged Local Blocks Fetched" -> TaskMetric.SHUFFLE_MERGED_LOCAL_BLOCKS_FETCHED;
            case "Merged Remote Chunks Fetched" -> TaskMetric.SHUFFLE_MERGED_REMOTE_CHUNKS_FETCHED;
            case "Merged Local Chunks Fetched" -> TaskMetric.SHUFFLE_MERGED_LOCAL_CHUNKS_FETCHED;
            case "Merged Remote Bytes Read" -> TaskMetric.SHUFFLE_MERGED_REMOTE_BYTES_READ;
            case "Merged Local Bytes Read" -> TaskMetric.SHUFFLE_MERGED_LOCAL_BYTES_READ;
            case "Merged Remote Requests Duration" -> TaskMetric.SHUFFLE_MERGED_REMOTE_REQS_DURATION;
            default -> null;
        };
    }

    private static TaskMetric shuffleWriteField(String field) {
        return switch (field) {
            case "Shuffle Bytes Written" -> TaskMetric.SHUFFLE_WRITE_BYTES;
            case "Shuffle Write Time" -> TaskMetric.SHUFFLE_WRITE_TIME;
            case "Shuffle Records Written" -> TaskMetric.SHUFFLE_WRITE_RECORDS;
            default -> null;
        };
    }

    private static TaskMetric inputField(String field) {
        return switch (field) {
            case "Bytes Read" -> TaskMetric.INPUT_BYTES;
            case "Records Read" -> TaskMetric.INPUT_RECORDS;
            default -> null;
        };
    }

    private static TaskMetric outputField(String field) {
        return switch (field) {
            case "Bytes Written" -> TaskMetric.OUTPUT_BYTES;
            case "Records Written" -> TaskMetric.OUTPUT_RECORDS;
            default -> null;
        };
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
