package io.sparkwise.analysis.rules;

import io.sparkwise.analysis.StageRule;
import io.sparkwise.model.Application;
import io.sparkwise.model.Job;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Questions many rules ask about stages. */
public final class Stages {

    private Stages() {
    }

    /** Stage attempts that ran: complete or failed (not skipped, not pending); see {@link StageRule#ran}. */
    public static List<StageAttempt> ran(Application app) {
        List<StageAttempt> out = new ArrayList<>();
        for (StageAttempt s : app.stages()) {
            if (StageRule.ran(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Wall time of a stage attempt: completion minus submission, or 0 when unknown. */
    public static long wallTimeMs(StageAttempt s) {
        return s.duration().orElse(0);
    }

    /** Successful tasks described by the stage's distributions. */
    public static long successfulTasks(StageAttempt s) {
        return s.taskDistributions().of(TaskQuantity.DURATION).count();
    }

    /** The SQL execution a stage ran for, through its jobs. */
    public static Optional<SqlExecution> sqlExecution(Application app, StageAttempt stage) {
        for (int jobId : stage.jobIds()) {
            Optional<Job> job = app.job(jobId);
            if (job.isPresent() && job.get().sqlExecutionId().isPresent()) {
                long sqlId = job.get().sqlExecutionId().getAsLong();
                return app.sqlExecutions().stream().filter(e -> e.id() == sqlId).findFirst();
            }
        }
        return Optional.empty();
    }

    /** Plan nodes of a SQL execution whose name contains any of {@code names}. */
    public static List<SparkPlanNode> planNodes(SqlExecution sql, String... names) {
        List<SparkPlanNode> out = new ArrayList<>();
        sql.plan().ifPresent(root -> root.forEach(node -> {
            for (String name : names) {
                if (node.nodeName().contains(name)) {
                    out.add(node);
                    return;
                }
            }
        }));
        return out;
    }

    /** Total executor cores that could run this stage's tasks at once (at least 1). */
    public static int slots(Application app) {
        int cores = 0;
        boolean hasExecutors = app.executors().stream().anyMatch(e -> !e.isDriver());
        for (var e : app.executors()) {
            if (e.isDriver() == !hasExecutors) {
                cores += e.totalCores();
            }
        }
        return Math.max(1, cores);
    }
}
