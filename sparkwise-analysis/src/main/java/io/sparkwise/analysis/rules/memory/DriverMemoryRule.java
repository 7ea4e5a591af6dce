package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.JobRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.Application;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Driver-side memory problems the log shows: a job failed because the results sent to the driver
 * exceeded spark.driver.maxResultSize, a job failed with an OutOfMemoryError in the driver, or a
 * stage sent results to the driver close to the limit (collect() of a large dataset).
 */
public final class DriverMemoryRule extends BaseRule implements JobRule, StageRule {

    public static final String ID = "memory.driver-memory";
    static final String MAX_RESULT_SIZE = "spark.driver.maxResultSize";
    private static final long GIB = 1024L * 1024 * 1024;
    /** Spark's message: "Total size of serialized results of 3 tasks (1030.5 MiB) is bigger than spark.driver.maxResultSize (1024.0 MiB)". */
    private static final Pattern RESULT_SIZE = Pattern.compile("\\(([\\d.]+)\\s*([KMGT]i?B|B)\\) is bigger than");

    public DriverMemoryRule() {
        super(ID, RuleCategory.SPILL_AND_MEMORY,
                "The driver ran out of memory or of spark.driver.maxResultSize collecting results");
    }

    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    /** Failed jobs first, then stages, each in the application's order. */
    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        List<Finding> findings = new ArrayList<>(JobRule.super.evaluate(context));
        findings.addAll(StageRule.super.evaluate(context));
        return findings;
    }

    /** A job that failed on the driver: its results exceeded maxResultSize, or the driver ran out of memory. */
    @Override
    public List<Finding> evaluate(Job job, AnalysisContext context) {
        String reason = job.failureReason().orElse("");
        if (job.status() != JobStatus.FAILED) {
            return List.of();
        }
        if (reason.contains(MAX_RESULT_SIZE)) {
            return List.of(resultSizeFailure(context, job, reason));
        } else if (reason.contains("OutOfMemoryError") && !reason.contains("Lost task")) {
            // "Lost task" means an executor task failed: memory.executor-oom reports it.
            return List.of(driverOom(context, job, reason));
        }
        return List.of();
    }

    /** A stage whose results came close to maxResultSize. */
    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        long limit = maxResultSize(context.application());
        if (limit <= 0) {
            return List.of();
        }
        QuantileSketch results = stage.taskDistributions().of(TaskQuantity.RESULT_SIZE);
        if (results.sum() >= context.settings(ID).get("resultShareOfLimit") * limit) {
            return List.of(largeResults(context, stage, results.sum(), limit));
        }
        return List.of();
    }

    /** spark.driver.maxResultSize in bytes (default 1g); 0 means unlimited. */
    static long maxResultSize(Application app) {
        return SparkSizes.parseBytes(app.environment().sparkProperties().get(MAX_RESULT_SIZE), 1)
                .orElse(GIB);
    }

    private static Finding resultSizeFailure(AnalysisContext context, Job job, String reason) {
        Application app = context.application();
        long limit = maxResultSize(app);
        OptionalLong collected = parseResultSize(reason);
        long needed = collected.orElse(limit);
        long newLimit = roundUpGib((long) (needed * context.settings(ID).get("headroomFactor")));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("jobId", job.jobId());
        evidence.put("failureReason", firstLine(reason));
        collected.ifPresent(c -> evidence.put("serializedResultBytes", c));
        evidence.put(MAX_RESULT_SIZE, limit);
        // A failed job is an outright failure, whatever it cost in core-seconds.
        return new Finding(ID, Severity.CRITICAL, "Job " + job.jobId() + " failed: results sent to the driver exceeded "
                + "spark.driver.maxResultSize (" + Format.bytes(limit) + ")", Scope.job(job.jobId()), evidence,
                context.impact(0), resultFix(app, newLimit), List.of(), Optional.empty());
    }

    private static Finding driverOom(AnalysisContext context, Job job, String reason) {
        Application app = context.application();
        long driver = driverMemory(app);
        long newDriver = roundUpGib((long) (driver * context.settings(ID).get("headroomFactor")));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("jobId", job.jobId());
        evidence.put("failureReason", firstLine(reason));
        evidence.put(MemoryModel.DRIVER_MEMORY, driver);
        Map<String, String> config = new LinkedHashMap<>();
        config.put(MemoryModel.DRIVER_MEMORY, MemoryModel.format(newDriver));
        String text = "The driver ran out of heap: spark.driver.memory=" + MemoryModel.format(newDriver)
                + ", and keep large data off the driver (write it out instead of collect(); toPandas() and broadcast "
                + "variables are built in the driver).";
        if (reason.toLowerCase(Locale.ROOT).contains("broadcast")) {
            config.put("spark.sql.autoBroadcastJoinThreshold", "-1");
            text += " The failure names a broadcast: the driver builds broadcast tables, so disable automatic broadcast "
                    + "joins for this job or lower the threshold below the table.";
        }
        // A failed job is an outright failure, whatever it cost in core-seconds.
        return new Finding(ID, Severity.CRITICAL, "Job " + job.jobId() + " failed: the driver ran out of memory",
                Scope.job(job.jobId()), evidence, context.impact(0), new Recommendation(text, config), List.of(),
                Optional.empty());
    }

    private static Finding largeResults(AnalysisContext context, StageAttempt stage, long total, long limit) {
        RuleSettings settings = context.settings(ID);
        long newLimit = roundUpGib((long) (total * settings.get("headroomFactor")));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("resultSize", total);
        evidence.put(MAX_RESULT_SIZE, limit);
        evidence.put("numTasks", stage.numTasks());
        return new Finding(ID, context.severityFor(0), "Stage " + stage.stageId() + " sent " + Format.bytes(total)
                + " of results to the driver, " + Format.pct(100.0 * total / limit) + " of spark.driver.maxResultSize",
                Scope.stage(stage.stageId(), stage.attemptId()), evidence, context.impact(0),
                resultFix(context.application(), newLimit), List.of(), Optional.empty());
    }

    private static Recommendation resultFix(Application app, long newLimit) {
        long driver = Math.max(driverMemory(app), 2 * newLimit);
        Map<String, String> config = new LinkedHashMap<>();
        config.put(MAX_RESULT_SIZE, MemoryModel.format(newLimit));
        config.put(MemoryModel.DRIVER_MEMORY, MemoryModel.format(roundUpGib(driver)));
        return new Recommendation("Avoid pulling large results into the driver: write them out, or aggregate/limit "
                + "before collect(). If the driver must hold them, raise spark.driver.maxResultSize to "
                + MemoryModel.format(newLimit) + " and the driver heap to at least twice that, since the results are "
                + "deserialized in the driver's heap.", config);
    }

    static OptionalLong parseResultSize(String message) {
        Matcher m = RESULT_SIZE.matcher(message);
        if (!m.find()) {
            return OptionalLong.empty();
        }
        double v = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).charAt(0)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> GIB;
            case 'T' -> GIB * 1024;
            default -> 1L;
        };
        return OptionalLong.of((long) Math.ceil(v * unit));
    }

    private static long driverMemory(Application app) {
        return SparkSizes.parseBytes(app.environment().sparkProperties().get(MemoryModel.DRIVER_MEMORY), 1024L * 1024)
                .orElse(GIB);
    }

    private static long roundUpGib(long bytes) {
        return Math.max(GIB, (bytes + GIB - 1) / GIB * GIB);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
