package io.sparkwise.eventlog.build;

/**
 * A task between its start and its end: the only per-task state kept, so memory is bounded by the
 * number of tasks running at once, not by the number of tasks of the application.
 */
final class LiveTask {
    final int stageId;
    final int stageAttemptId;

    LiveTask(int stageId, int stageAttemptId) {
        this.stageId = stageId;
        this.stageAttemptId = stageAttemptId;
    }
}
