package io.sparkwise.state.event;

/**
 * A Spark listener event, typed, carrying what the application state uses. Records are named as
 * Spark names the events, without the {@code SparkListener} prefix; their components are Spark's
 * fields in Java types, never JSON. Two adapters produce them: the event log's JSON decoder, and a
 * live {@code SparkListener} in the driver straight from Spark's listener objects.
 */
public sealed interface SparkEvent permits
        LogStart, ApplicationStart, ApplicationEnd, EnvironmentUpdate, ResourceProfileAdded,
        BlockManagerAdded, ExecutorAdded, ExecutorRemoved,
        JobStart, JobEnd, StageSubmitted, StageCompleted, TaskStart, TaskEnd,
        StageExecutorMetrics, ExecutorMetricsUpdate,
        ExecutorExcluded, ExecutorUnexcluded, NodeExcluded, NodeUnexcluded,
        ExecutorExcludedForStage, NodeExcludedForStage,
        SqlExecutionStart, SqlExecutionEnd, SqlAdaptiveExecutionUpdate, SqlAdaptiveSqlMetricUpdates,
        DriverAccumUpdates, DbcEventLoggingListenerMetadata, OtherEvent {
}
