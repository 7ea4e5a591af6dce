package io.sparkwise.state.event;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Why a task ended: Spark's TaskEndReason, with the fields the state groups failures by.
 * {@link #name()} is Spark's name of the reason (Success, ExceptionFailure, ...).
 */
public sealed interface TaskEndReason {

    Success SUCCESS = new Success();

    String name();

    /** The task succeeded. */
    record Success() implements TaskEndReason {
        @Override
        public String name() {
            return "Success";
        }
    }

    /** The task threw; {@code className} is the exception's class. */
    record ExceptionFailure(Optional<String> className, String description) implements TaskEndReason {
        public ExceptionFailure {
            requireNonNull(className, "className is null");
            requireNonNull(description, "description is null");
        }

        @Override
        public String name() {
            return "ExceptionFailure";
        }
    }

    /** The executor running the task was lost. */
    record ExecutorLostFailure(Optional<String> lossReason) implements TaskEndReason {
        public ExecutorLostFailure {
            requireNonNull(lossReason, "lossReason is null");
        }

        @Override
        public String name() {
            return "ExecutorLostFailure";
        }
    }

    /** A shuffle fetch failed; {@code blockManagerHost} is the host fetched from, when known. */
    record FetchFailed(Optional<String> blockManagerHost, String message) implements TaskEndReason {
        public FetchFailed {
            requireNonNull(blockManagerHost, "blockManagerHost is null");
            requireNonNull(message, "message is null");
        }

        @Override
        public String name() {
            return "FetchFailed";
        }
    }

    /** The task was killed (speculation lost, stage cancelled, ...). */
    record TaskKilled(Optional<String> killReason) implements TaskEndReason {
        public TaskKilled {
            requireNonNull(killReason, "killReason is null");
        }

        @Override
        public String name() {
            return "TaskKilled";
        }
    }

    /** The driver denied the task's output commit (another attempt committed). */
    record TaskCommitDenied(int jobId, int partitionId, int attemptNumber) implements TaskEndReason {
        @Override
        public String name() {
            return "TaskCommitDenied";
        }
    }

    /** Any other reason (Resubmitted, TaskResultLost, UnknownReason, ...), by Spark's name. */
    record Other(String name) implements TaskEndReason {
        public Other {
            requireNonNull(name, "name is null");
        }
    }
}
