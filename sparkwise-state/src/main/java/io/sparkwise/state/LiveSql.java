package io.sparkwise.state;

import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Mutable state of one SQL execution while events are applied (Spark's LiveExecutionData). */
final class LiveSql {
    final long id;
    /** Seen SQLExecutionStart; executions known only from their jobs are not reported. */
    boolean started;
    String description = "";
    String details = "";
    String physicalPlanDescription = "";
    OptionalLong submissionTime = OptionalLong.empty();
    OptionalLong completionTime = OptionalLong.empty();
    Optional<String> errorMessage = Optional.empty();
    OptionalLong rootExecutionId = OptionalLong.empty();
    Optional<SparkPlanNode> plan = Optional.empty();
    /** Job id to its status: RUNNING, SUCCEEDED, FAILED. */
    final Map<Integer, String> jobs = new TreeMap<>();
    final List<Long> metricIds = new ArrayList<>();

    LiveSql(long id) {
        this.id = id;
    }

    SqlExecution toModel(Map<Long, SqlExecution.SqlMetricValue> values) {
        List<Integer> succeeded = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        List<Integer> running = new ArrayList<>();
        jobs.forEach((job, state) -> {
            switch (state) {
                case "SUCCEEDED" -> succeeded.add(job);
                case "FAILED" -> failed.add(job);
                default -> running.add(job);
            }
        });
        Map<Long, SqlExecution.SqlMetricValue> mine = new TreeMap<>();
        for (Long metricId : metricIds) {
            SqlExecution.SqlMetricValue v = values.get(metricId);
            if (v != null) {
                mine.put(metricId, v);
            }
        }
        return new SqlExecution(id, description, details, physicalPlanDescription, submissionTime, completionTime,
                status(!failed.isEmpty()), errorMessage, succeeded, failed, running, plan, mine, rootExecutionId);
    }

    /** As the History Server's /sql: RUNNING until the end event, FAILED with an error or a failed job. */
    String status() {
        return status(jobs.containsValue("FAILED"));
    }

    private String status(boolean anyJobFailed) {
        if (completionTime.isEmpty()) {
            return "RUNNING";
        }
        if (errorMessage.isPresent() || anyJobFailed) {
            return "FAILED";
        }
        return "COMPLETED";
    }
}
