package io.sparkwise.analysis;

import io.sparkwise.analysis.config.ConfigMerger;
import io.sparkwise.analysis.rules.BuiltInRules;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs the rules while an application runs, on snapshots of it: each stage attempt, SQL
 * execution, job and executor is judged once, when it ends, by the rules of its scope that apply
 * while running; the application rules when asked. The driver agent calls it from its listener,
 * the server as it reads a log that grows. Every call takes a plain {@link Application} snapshot
 * that already holds the end it signals.
 *
 * <p>A finding about a thing that has ended is frozen: later snapshots do not judge it again, so
 * its severity (a share of the application's cost so far) does not drift as the application goes
 * on. The one exception is a rule that judges a stage over all its attempts
 * ({@link StageRule#judgesAllAttempts()}): a later attempt's judgment replaces the earlier
 * attempts' findings of that rule. Application findings are replaced at each evaluation.
 *
 * <p>When the application has ended ({@link #onApplicationEnd}), everything not judged yet is
 * judged on the final snapshot and every application rule runs: the findings then have the keys
 * {@link Analyzer} gives that application (a finding judged earlier keeps the evidence and
 * severity of its time).
 *
 * <p>Memory: one entry per judged thing still in the snapshots (things the snapshot no longer
 * holds, folded by its retention limits, are forgotten at the next application evaluation), plus
 * the findings. Thread-safe: calls are serialized, so a listener thread and a reader can share it.
 */
public final class LiveAnalyzer {

    /** How far a thing has been judged. */
    private enum Judged {
        /** By the rules that apply while running. */
        WHILE_RUNNING,
        /** By every rule of its scope. */
        FULLY
    }

    private final Thresholds thresholds;
    private final List<StageRule> stageRules = new ArrayList<>();
    private final List<SqlExecutionRule> sqlRules = new ArrayList<>();
    private final List<JobRule> jobRules = new ArrayList<>();
    private final List<ExecutorRule> executorRules = new ArrayList<>();
    /** Rules of no narrower scope: {@link ApplicationRule}s and plain {@link Rule}s alike. */
    private final List<Rule> applicationRules = new ArrayList<>();
    /** Current findings by key, in the order they were judged. */
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    /** Things judged so far, by their scope's key. */
    private final Map<String, Judged> judged = new HashMap<>();
    /** The first failure of each rule that failed, by rule id. */
    private final Map<String, String> ruleErrors = new LinkedHashMap<>();

    /** The enabled rules among {@code rules} (a rule implementing two scoped interfaces serves both). */
    public LiveAnalyzer(List<Rule> rules, Thresholds thresholds) {
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
        for (Rule rule : requireNonNull(rules, "rules is null")) {
            if (!thresholds.rule(rule.id()).enabled()) {
                continue;
            }
            boolean scoped = false;
            if (rule instanceof StageRule r) {
                stageRules.add(r);
                scoped = true;
            }
            if (rule instanceof SqlExecutionRule r) {
                sqlRules.add(r);
                scoped = true;
            }
            if (rule instanceof JobRule r) {
                jobRules.add(r);
                scoped = true;
            }
            if (rule instanceof ExecutorRule r) {
                executorRules.add(r);
                scoped = true;
            }
            if (!scoped) {
                applicationRules.add(rule);
            }
        }
    }

    public static LiveAnalyzer withBuiltInRules(Thresholds thresholds) {
        return new LiveAnalyzer(BuiltInRules.all(), thresholds);
    }

    /**
     * Judges a stage attempt that has ended (completed or failed in the snapshot) with the stage
     * rules that apply while running. An attempt already judged, absent from the snapshot or not
     * ended in it is left alone.
     *
     * @return the findings this judgment added
     */
    public synchronized List<Finding> onStageCompleted(Application snapshot, int stageId, int attemptId) {
        Optional<StageAttempt> stage = snapshot.stage(stageId, attemptId)
                .filter(s -> s.status() == StageStatus.COMPLETE || s.status() == StageStatus.FAILED);
        if (stage.isEmpty()) {
            return List.of();
        }
        return judgeStage(new AnalysisContext(snapshot, thresholds), stage.get(), true);
    }

    /** Judges a SQL execution that has ended (not RUNNING in the snapshot), likewise. */
    public synchronized List<Finding> onSqlExecutionEnd(Application snapshot, long sqlId) {
        Optional<SqlExecution> sql = snapshot.sqlExecutions().stream()
                .filter(s -> s.id() == sqlId && !s.status().equals("RUNNING")).findFirst();
        if (sql.isEmpty()) {
            return List.of();
        }
        return judgeSql(new AnalysisContext(snapshot, thresholds), sql.get(), true);
    }

    /** Judges a job that has ended (succeeded or failed in the snapshot), likewise. */
    public synchronized List<Finding> onJobEnd(Application snapshot, int jobId) {
        Optional<Job> job = snapshot.job(jobId)
                .filter(j -> j.status() == JobStatus.SUCCEEDED || j.status() == JobStatus.FAILED);
        if (job.isEmpty()) {
            return List.of();
        }
        return judgeJob(new AnalysisContext(snapshot, thresholds), job.get(), true);
    }

    /** Judges an executor that has been removed (it has a remove time in the snapshot), likewise. */
    public synchronized List<Finding> onExecutorRemoved(Application snapshot, String executorId) {
        Optional<Executor> executor = snapshot.executor(executorId).filter(e -> e.removeTime().isPresent());
        if (executor.isEmpty()) {
            return List.of();
        }
        return judgeExecutor(new AnalysisContext(snapshot, thresholds), executor.get(), true);
    }

    /**
     * Runs the application rules on a snapshot: those that apply while running when the
     * application still runs; when the snapshot says it has ended ({@code info().completed()}),
     * {@link #onApplicationEnd}.
     *
     * @return the application rules' findings of this evaluation
     */
    public synchronized List<Finding> evaluateApplication(Application snapshot) {
        if (snapshot.info().completed()) {
            return onApplicationEnd(snapshot);
        }
        forgetWhatLeft(snapshot);
        return judgeApplication(new AnalysisContext(snapshot, thresholds), true);
    }

    /**
     * The application has ended, or its log has been read to the end: judges on this final
     * snapshot every stage attempt, SQL execution, job and executor not judged yet (those whose
     * end was not signalled, those still running when the application stopped), runs the scoped
     * rules that only apply to a finished application, then every application rule.
     *
     * @return the findings this added or replaced
     */
    public synchronized List<Finding> onApplicationEnd(Application snapshot) {
        AnalysisContext context = new AnalysisContext(snapshot, thresholds);
        List<Finding> added = new ArrayList<>();
        for (StageAttempt stage : snapshot.stages()) {
            added.addAll(judgeStage(context, stage, false));
        }
        for (SqlExecution sql : snapshot.sqlExecutions()) {
            added.addAll(judgeSql(context, sql, false));
        }
        for (Job job : snapshot.jobs()) {
            added.addAll(judgeJob(context, job, false));
        }
        for (Executor executor : snapshot.executors()) {
            added.addAll(judgeExecutor(context, executor, false));
        }
        added.addAll(judgeApplication(context, false));
        return added;
    }

    /** The current findings, one per key, root causes linked and ranked as {@link Analyzer} ranks them. */
    public synchronized List<Finding> findings() {
        List<Finding> linked = RootCauses.link(new ArrayList<>(findings.values()));
        linked.sort(Analyzer.RANKING.thenComparing(Finding::key));
        return linked;
    }

    /**
     * The first failure of each rule that failed, with what it was judging, e.g.
     * {@code "skew.input (stage 3.0): java.lang.IllegalStateException: ..."}: a bug, reported
     * instead of stopping the others. A rule that fails on every stage is listed once.
     */
    public synchronized List<String> ruleErrors() {
        return List.copyOf(ruleErrors.values());
    }

    /** The current findings as an {@link Analysis}: ranked, their config fixes merged and validated. */
    public synchronized Analysis analysis(Application snapshot) {
        List<Finding> current = findings();
        ConfigMerger.Merged merged = new ConfigMerger().merge(current, snapshot.environment().sparkProperties());
        return new Analysis(current, merged.config(), merged.notes(), List.copyOf(ruleErrors.values()));
    }

    private List<Finding> judgeStage(AnalysisContext context, StageAttempt stage, boolean running) {
        return judge(Scope.stage(stage.stageId(), stage.attemptId()), running, stageRules, rule -> {
            if (!rule.judges(stage)) {
                return List.of();
            }
            List<Finding> found = rule.evaluate(stage, context);
            if (rule.judgesAllAttempts()) {
                dropEarlierAttempts(rule.id(), stage);
            }
            return found;
        });
    }

    private List<Finding> judgeSql(AnalysisContext context, SqlExecution sql, boolean running) {
        return judge(Scope.sql(sql.id()), running, sqlRules, rule -> rule.evaluate(sql, context));
    }

    private List<Finding> judgeJob(AnalysisContext context, Job job, boolean running) {
        return judge(Scope.job(job.jobId()), running, jobRules, rule -> rule.evaluate(job, context));
    }

    private List<Finding> judgeExecutor(AnalysisContext context, Executor executor, boolean running) {
        return judge(Scope.executor(executor.id()), running, executorRules, rule -> rule.evaluate(executor, context));
    }

    /**
     * Judges one thing with the rules of its scope, once: while running with the rules that apply
     * then, at the application's end with the rest (all of them if it was not judged before).
     */
    private <R extends Rule> List<Finding> judge(Scope scope, boolean running, List<R> rules,
                                                 Function<R, List<Finding>> evaluation) {
        String key = scope.key();
        Judged before = judged.get(key);
        if (before == Judged.FULLY || (running && before != null)) {
            return List.of();
        }
        judged.put(key, running ? Judged.WHILE_RUNNING : Judged.FULLY);
        List<Finding> added = new ArrayList<>();
        for (R rule : rules) {
            boolean due = running ? rule.appliesWhileRunning() : before == null || !rule.appliesWhileRunning();
            if (due) {
                added.addAll(record(run(rule, scope, () -> evaluation.apply(rule))));
            }
        }
        return added;
    }

    private List<Finding> judgeApplication(AnalysisContext context, boolean running) {
        List<Finding> added = new ArrayList<>();
        for (Rule rule : applicationRules) {
            if (running && !rule.appliesWhileRunning()) {
                continue;
            }
            List<Finding> found = run(rule, Scope.APPLICATION, () -> rule.evaluate(context));
            findings.values().removeIf(f -> f.ruleId().equals(rule.id()));
            added.addAll(record(found));
        }
        return added;
    }

    private List<Finding> run(Rule rule, Scope scope, Supplier<List<Finding>> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            // One broken rule must not hide the others' findings, now or later.
            ruleErrors.putIfAbsent(rule.id(), rule.id() + " (" + scope.describe() + "): " + e);
            return List.of();
        }
    }

    private void dropEarlierAttempts(String ruleId, StageAttempt stage) {
        findings.values().removeIf(f -> f.ruleId().equals(ruleId)
                && f.scope().stageId().orElse(-1) == stage.stageId()
                && f.scope().stageAttemptId().orElse(0) < stage.attemptId());
    }

    private List<Finding> record(List<Finding> found) {
        for (Finding f : found) {
            findings.put(f.key(), f);
        }
        return found;
    }

    /** Forgets the judged things a snapshot no longer holds (folded by its retention): it cannot judge them again. */
    private void forgetWhatLeft(Application snapshot) {
        Set<String> present = new HashSet<>();
        snapshot.stages().forEach(s -> present.add(Scope.stage(s.stageId(), s.attemptId()).key()));
        snapshot.sqlExecutions().forEach(s -> present.add(Scope.sql(s.id()).key()));
        snapshot.jobs().forEach(j -> present.add(Scope.job(j.jobId()).key()));
        snapshot.executors().forEach(e -> present.add(Scope.executor(e.id()).key()));
        judged.keySet().retainAll(present);
    }
}
