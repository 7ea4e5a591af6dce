package io.sparkwise.model;

/** The kinds of TaskEndReason other than Success, as Spark's JsonProtocol names them. */
public enum TaskFailureKind {
    EXCEPTION_FAILURE("ExceptionFailure"),
    FETCH_FAILED("FetchFailed"),
    EXECUTOR_LOST_FAILURE("ExecutorLostFailure"),
    TASK_KILLED("TaskKilled"),
    TASK_COMMIT_DENIED("TaskCommitDenied"),
    TASK_RESULT_LOST("TaskResultLost"),
    RESUBMITTED("Resubmitted"),
    UNKNOWN_REASON("UnknownReason");

    private final String sparkName;

    TaskFailureKind(String sparkName) {
        this.sparkName = sparkName;
    }

    public String sparkName() {
        return sparkName;
    }

    public static TaskFailureKind fromSparkName(String name) {
        for (TaskFailureKind kind : values()) {
            if (kind.sparkName.equals(name)) {
                return kind;
            }
        }
        return UNKNOWN_REASON;
    }
}
