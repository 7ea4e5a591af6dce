package io.sparkwise.model;

/**
 * Per-task quantities whose distribution over the successful tasks of a stage attempt is kept as
 * a {@link QuantileSketch}, like the History Server's {@code taskSummary}. Names are those of the
 * History Server's TaskMetricDistributions.
 */
public enum TaskQuantity {
    DURATION("duration"),
    EXECUTOR_DESERIALIZE_TIME("executorDeserializeTime"),
    EXECUTOR_RUN_TIME("executorRunTime"),
    EXECUTOR_CPU_TIME("executorCpuTime"),
    RESULT_SIZE("resultSize"),
    JVM_GC_TIME("jvmGcTime"),
    RESULT_SERIALIZATION_TIME("resultSerializationTime"),
    GETTING_RESULT_TIME("gettingResultTime"),
    SCHEDULER_DELAY("schedulerDelay"),
    PEAK_EXECUTION_MEMORY("peakExecutionMemory"),
    MEMORY_BYTES_SPILLED("memoryBytesSpilled"),
    DISK_BYTES_SPILLED("diskBytesSpilled"),
    INPUT_BYTES("inputBytes"),
    INPUT_RECORDS("inputRecords"),
    OUTPUT_BYTES("outputBytes"),
    OUTPUT_RECORDS("outputRecords"),
    SHUFFLE_READ_BYTES("shuffleReadBytes"),
    SHUFFLE_READ_RECORDS("shuffleReadRecords"),
    SHUFFLE_FETCH_WAIT_TIME("shuffleFetchWaitTime"),
    SHUFFLE_REMOTE_BYTES_READ("shuffleRemoteBytesRead"),
    SHUFFLE_WRITE_BYTES("shuffleWriteBytes"),
    SHUFFLE_WRITE_RECORDS("shuffleWriteRecords"),
    SHUFFLE_WRITE_TIME("shuffleWriteTime");

    private final String apiName;

    TaskQuantity(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
