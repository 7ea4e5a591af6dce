package io.sparkwise.analysis.compare;

import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One stage of one run, its attempts added up: a retried stage cost the time of every attempt.
 *
 * @param status the last attempt's status
 * @param numTasks the last attempt's task count
 * @param duration sum of the attempts' submission-to-completion times (ms)
 * @param executorRunTime sum of the attempts' task run times (ms)
 * @param sqlDescription the description of the SQL execution that ran the stage, when one did
 */
public record StageRun(
        int stageId,
        String name,
        int attempts,
        StageStatus status,
        int numTasks,
        long duration,
        long executorRunTime,
        Optional<String> sqlDescription) {

    public StageRun {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(sqlDescription, "sqlDescription is null");
    }

    /** The stage made of {@code attempts} (one stage id, in attempt order). */
    static StageRun of(List<StageAttempt> attempts, Optional<String> sqlDescription) {
        StageAttempt last = attempts.get(attempts.size() - 1);
        return new StageRun(last.stageId(), last.name(), attempts.size(), last.status(), last.numTasks(),
                attempts.stream().mapToLong(a -> a.duration().orElse(0)).sum(),
                attempts.stream().mapToLong(a -> a.metrics().executorRunTime()).sum(),
                sqlDescription);
    }
}
