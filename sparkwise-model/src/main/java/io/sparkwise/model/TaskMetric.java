package io.sparkwise.model;

/**
 * The task metrics Spark reports in each SparkListenerTaskEnd, named as the History Server's
 * {@code /api/v1} stage data names them, with the unit Spark uses.
 */
public enum TaskMetric {
    EXECUTOR_DESERIALIZE_TIME("executorDeserializeTime", Unit.MILLISECONDS),
    EXECUTOR_DESERIALIZE_CPU_TIME("executorDeserializeCpuTime", Unit.NANOSECONDS),
    EXECUTOR_RUN_TIME("executorRunTime", Unit.MILLISECONDS),
    EXECUTOR_CPU_TIME("executorCpuTime", Unit.NANOSECONDS),
    RESULT_SIZE("resultSize", Unit.BYTES),
    JVM_GC_TIME("jvmGcTime", Unit.MILLISECONDS),
    RESULT_SERIALIZATION_TIME("resultSerializationTime", Unit.MILLISECONDS),
    MEMORY_BYTES_SPILLED("memoryBytesSpilled", Unit.BYTES),
    DISK_BYTES_SPILLED("diskBytesSpilled", Unit.BYTES),
    PEAK_EXECUTION_MEMORY("peakExecutionMemory", Unit.BYTES),
    INPUT_BYTES("inputBytes", Unit.BYTES),
    INPUT_RECORDS("inputRecords", Unit.COUNT),
    OUTPUT_BYTES("outputBytes", Unit.BYTES),
    OUTPUT_RECORDS("outputRecords", Unit.COUNT),
    SHUFFLE_REMOTE_BLOCKS_FETCHED("shuffleRemoteBlocksFetched", Unit.COUNT),
    SHUFFLE_LOCAL_BLOCKS_FETCHED("shuffleLocalBlocksFetched", Unit.COUNT),
    SHUFFLE_FETCH_WAIT_TIME("shuffleFetchWaitTime", Unit.MILLISECONDS),
    SHUFFLE_REMOTE_BYTES_READ("shuffleRemoteBytesRead", Unit.BYTES),
    SHUFFLE_REMOTE_BYTES_READ_TO_DISK("shuffleRemoteBytesReadToDisk", Unit.BYTES),
    SHUFFLE_LOCAL_BYTES_READ("shuffleLocalBytesRead", Unit.BYTES),
    SHUFFLE_READ_RECORDS("shuffleReadRecords", Unit.COUNT),
    SHUFFLE_REMOTE_REQS_DURATION("shuffleRemoteReqsDuration", Unit.MILLISECONDS),
    SHUFFLE_CORRUPT_MERGED_BLOCK_CHUNKS("shuffleCorruptMergedBlockChunks", Unit.COUNT),
    SHUFFLE_MERGED_FETCH_FALLBACK_COUNT("shuffleMergedFetchFallbackCount", Unit.COUNT),
    SHUFFLE_MERGED_REMOTE_BLOCKS_FETCHED("shuffleMergedRemoteBlocksFetched", Unit.COUNT),
    SHUFFLE_MERGED_LOCAL_BLOCKS_FETCHED("shuffleMergedLocalBlocksFetched", Unit.COUNT),
    SHUFFLE_MERGED_REMOTE_CHUNKS_FETCHED("shuffleMergedRemoteChunksFetched", Unit.COUNT),
    SHUFFLE_MERGED_LOCAL_CHUNKS_FETCHED("shuffleMergedLocalChunksFetched", Unit.COUNT),
    SHUFFLE_MERGED_REMOTE_BYTES_READ("shuffleMergedRemoteBytesRead", Unit.BYTES),
    SHUFFLE_MERGED_LOCAL_BYTES_READ("shuffleMergedLocalBytesRead", Unit.BYTES),
    SHUFFLE_MERGED_REMOTE_REQS_DURATION("shuffleMergedRemoteReqsDuration", Unit.MILLISECONDS),
    SHUFFLE_WRITE_BYTES("shuffleWriteBytes", Unit.BYTES),
    SHUFFLE_WRITE_TIME("shuffleWriteTime", Unit.NANOSECONDS),
    SHUFFLE_WRITE_RECORDS("shuffleWriteRecords", Unit.COUNT);

    /** Units as Spark records them; the JSON output keeps them. */
    public enum Unit { MILLISECONDS, NANOSECONDS, BYTES, COUNT }

    private static final TaskMetric[] VALUES = values();

    private final String apiName;
    private final Unit unit;

    TaskMetric(String apiName, Unit unit) {
        this.apiName = apiName;
        this.unit = unit;
    }

    /** The field name in the History Server REST API's StageData. */
    public String apiName() {
        return apiName;
    }

    public Unit unit() {
        return unit;
    }

    static TaskMetric[] all() {
        return VALUES;
    }
}
