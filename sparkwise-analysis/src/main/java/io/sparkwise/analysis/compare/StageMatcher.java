package io.sparkwise.analysis.compare;

import io.sparkwise.model.Application;
import io.sparkwise.model.Job;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Pairs the stages of two runs of the same workload. Stage ids say nothing across runs (the rapids
 * join corpus pair runs the same two scans as stages 0 and 1 in one log and 1 and 0 in the other),
 * so stages are matched by what they run: the call site Spark names them by and its stack, and for
 * SQL stages the query's description and the shape of its physical plan.
 *
 * <p>Matching goes from the strictest key to the loosest, so a stage whose stack or plan changed
 * still pairs by its call site; stages with the same key pair in the order they ran. Stages whose
 * every attempt was skipped did no work and are left out.
 */
final class StageMatcher {

    /** REPL wrapper classes ($line15.$read) and lambda classes are numbered per JVM, not per code. */
    private static final Pattern PER_JVM_NAMES = Pattern.compile("\\$line\\d+|\\$\\$Lambda\\$\\d+/(0x)?[0-9a-f]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Keys from strictest to loosest. */
    private static final List<Function<Candidate, String>> KEYS = List.of(
            c -> c.sqlDescription + "\n" + c.planShape + "\n" + c.name + "\n" + c.stack,
            c -> c.sqlDescription + "\n" + c.name + "\n" + c.stack,
            c -> c.name + "\n" + c.stack,
            c -> c.name);

    /** Matched pairs and the stages only one run has. */
    record Result(List<StageDelta> matched, List<StageRun> added, List<StageRun> removed) {
    }

    private StageMatcher() {
    }

    static Result match(Application before, Application after) {
        List<Candidate> unmatchedBefore = candidates(before);
        List<Candidate> unmatchedAfter = candidates(after);
        List<StageDelta> matched = new ArrayList<>();
        for (Function<Candidate, String> key : KEYS) {
            Map<String, Deque<Candidate>> afterByKey = new HashMap<>();
            unmatchedAfter.forEach(c -> afterByKey.computeIfAbsent(key.apply(c), k -> new ArrayDeque<>()).add(c));
            List<Candidate> stillBefore = new ArrayList<>();
            for (Candidate b : unmatchedBefore) {
                Deque<Candidate> same = afterByKey.get(key.apply(b));
                Candidate a = same == null ? null : same.poll();
                if (a == null) {
                    stillBefore.add(b);
                } else {
                    matched.add(new StageDelta(b.run, a.run));
                    unmatchedAfter.remove(a);
                }
            }
            unmatchedBefore = stillBefore;
        }
        matched.sort(Comparator.comparingLong((StageDelta d) -> -Math.abs(d.durationDelta()))
                .thenComparingLong(d -> -Math.abs(d.executorRunTimeDelta()))
                .thenComparingInt(d -> d.after().stageId()));
        return new Result(matched, runs(unmatchedAfter), runs(unmatchedBefore));
    }

    private static List<StageRun> runs(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.run)
                .sorted(Comparator.comparingLong((StageRun r) -> -r.duration()).thenComparingInt(StageRun::stageId))
                .toList();
    }

    /** The stages of {@code app} that ran, in stage id order, with their matching keys. */
    private static List<Candidate> candidates(Application app) {
        Map<Integer, List<StageAttempt>> byStage = new TreeMap<>();
        app.stages().forEach(s -> byStage.computeIfAbsent(s.stageId(), id -> new ArrayList<>()).add(s));
        Map<Integer, SqlExecution> sqlByJob = sqlByJob(app);
        List<Candidate> candidates = new ArrayList<>();
        for (List<StageAttempt> attempts : byStage.values()) {
            if (attempts.stream().allMatch(a -> a.status() == StageStatus.SKIPPED)) {
                continue;
            }
            attempts.sort(Comparator.comparingInt(StageAttempt::attemptId));
            StageAttempt first = attempts.get(0);
            Optional<SqlExecution> sql = first.jobIds().stream().map(sqlByJob::get)
                    .filter(java.util.Objects::nonNull).findFirst();
            candidates.add(new Candidate(StageRun.of(attempts, sql.map(SqlExecution::description)),
                    first.name(), PER_JVM_NAMES.matcher(first.details()).replaceAll("\\$"),
                    sql.map(SqlExecution::description).orElse(""),
                    sql.flatMap(SqlExecution::plan).map(StageMatcher::shape).orElse("")));
        }
        return candidates;
    }

    private static Map<Integer, SqlExecution> sqlByJob(Application app) {
        Map<Long, SqlExecution> byId = new HashMap<>();
        app.sqlExecutions().forEach(e -> byId.put(e.id(), e));
        Map<Integer, SqlExecution> byJob = new LinkedHashMap<>();
        for (Job job : app.jobs()) {
            if (job.sqlExecutionId().isPresent() && byId.containsKey(job.sqlExecutionId().getAsLong())) {
                byJob.put(job.jobId(), byId.get(job.sqlExecutionId().getAsLong()));
            }
        }
        return byJob;
    }

    /** The operators of a plan as a nested term, ids left out: {@code HashAggregate(Exchange(Scan #))}. */
    static String shape(SparkPlanNode node) {
        StringBuilder s = new StringBuilder(DIGITS.matcher(node.nodeName()).replaceAll("#"));
        if (!node.children().isEmpty()) {
            s.append('(');
            for (int i = 0; i < node.children().size(); i++) {
                s.append(i > 0 ? "," : "").append(shape(node.children().get(i)));
            }
            s.append(')');
        }
        return s.toString();
    }

    private record Candidate(StageRun run, String name, String stack, String sqlDescription, String planShape) {
    }
}
