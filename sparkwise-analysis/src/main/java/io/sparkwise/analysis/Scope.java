package io.sparkwise.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** What a finding is about: the application, a job, a stage attempt, a SQL query or an executor. */
public record Scope(
        OptionalInt jobId,
        OptionalInt stageId,
        OptionalInt stageAttemptId,
        OptionalLong sqlId,
        Optional<String> executorId) {

    public static final Scope APPLICATION = new Scope(
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty());

    public Scope {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(stageId, "stageId is null");
        requireNonNull(stageAttemptId, "stageAttemptId is null");
        requireNonNull(sqlId, "sqlId is null");
        requireNonNull(executorId, "executorId is null");
    }

    public static Scope stage(int stageId, int attemptId) {
        return new Scope(OptionalInt.empty(), OptionalInt.of(stageId), OptionalInt.of(attemptId),
                OptionalLong.empty(), Optional.empty());
    }

    public static Scope job(int jobId) {
        return new Scope(OptionalInt.of(jobId), OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
                Optional.empty());
    }

    public static Scope sql(long sqlId) {
        return new Scope(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalLong.of(sqlId),
                Optional.empty());
    }

    public static Scope executor(String executorId) {
        return new Scope(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
                Optional.of(executorId));
    }

    public boolean isApplication() {
        return jobId.isEmpty() && stageId.isEmpty() && sqlId.isEmpty() && executorId.isEmpty();
    }

    /**
     * The scope part of a finding's key: {@code application}, {@code job:4}, {@code stage:3.0}
     * (stage id . attempt id), {@code sql:2} or {@code executor:7}; a scope naming several of
     * them lists each, comma-separated, in that order.
     */
    public String key() {
        List<String> parts = new ArrayList<>(2);
        jobId.ifPresent(id -> parts.add("job:" + id));
        stageId.ifPresent(id -> parts.add("stage:" + id + "." + stageAttemptId.orElse(0)));
        sqlId.ifPresent(id -> parts.add("sql:" + id));
        executorId.ifPresent(id -> parts.add("executor:" + id));
        return parts.isEmpty() ? "application" : String.join(",", parts);
    }

    /** Short text such as "stage 3.0", "SQL 2", "executor 7" or "application". */
    public String describe() {
        if (stageId.isPresent()) {
            return "stage " + stageId.getAsInt() + "." + stageAttemptId.orElse(0);
        }
        if (jobId.isPresent()) {
            return "job " + jobId.getAsInt();
        }
        if (sqlId.isPresent()) {
            return "SQL " + sqlId.getAsLong();
        }
        return executorId.map(id -> "executor " + id).orElse("application");
    }
}
