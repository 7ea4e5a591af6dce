package io.sparkwise.simulator;

import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.Executor;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.spark.ExecutorTimeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What-if replays of one application: its real stage DAG and task durations scheduled onto
 * another cluster. Build once per application ({@link #of}); each {@link #simulate} is an
 * independent replay. See docs/simulator.md for the model, what it leaves out and its measured
 * accuracy.
 */
public final class Simulator {

    /** Replays that give every task its own slot stop at this many executors (a memory bound). */
    private static final int UNBOUNDED_SLOTS_CAP = 100_000;

    private final Application application;
    private final Workload workload;
    private final ClusterShape asRun;
    private final List<ExecutorPlan.Planned> realExecutors;

    private Simulator(Application application) {
        this.application = application;
        this.workload = Workload.of(application);
        this.realExecutors = realExecutors(application, workload.realWallMs());
        this.asRun = shape(application, realExecutors, workload.firstTaskLaunchMs());
    }

    /**
     * @throws SparkwiseException ({@link ErrorCode#NOTHING_TO_SIMULATE}) when the log has no
     *     successful task
     */
    public static Simulator of(Application application) {
        return new Simulator(requireNonNull(application, "application is null"));
    }

    /** One replay of {@code application} on {@code option}; see {@link #simulate(ClusterOption)}. */
    public static SimulationResult simulate(Application application, ClusterOption option) {
        return of(application).simulate(option);
    }

    /** The cluster the log ran on. */
    public ClusterShape asRun() {
        return asRun;
    }

    /**
     * Replays the application on {@code option}.
     *
     * @throws IllegalArgumentException when an executor of {@code option} has fewer cores than
     *     {@code spark.task.cpus}, so no task could ever run
     */
    public SimulationResult simulate(ClusterOption option) {
        requireNonNull(option, "option is null");
        int slots = option.coresPerExecutor() / asRun.taskCpus();
        if (slots < 1) {
            throw new IllegalArgumentException(option.coresPerExecutor() + " cores per executor cannot run a task that needs "
                    + asRun.taskCpus() + " (spark.task.cpus)");
        }
        long startup = asRun.executorStartupMs();
        ExecutorPlan plan;
        if (option.dynamicAllocation().isPresent()) {
            plan = new ExecutorPlan(List.of(), option.dynamicAllocation(), option.executors(), slots,
                    option.coresPerExecutor(), startup, AllocationTimeouts.of(application.environment()));
        } else {
            List<ExecutorPlan.Planned> timeline = new ArrayList<>();
            for (int i = 0; i < option.executors(); i++) {
                timeline.add(new ExecutorPlan.Planned(startup, -1, slots, option.coresPerExecutor()));
            }
            plan = ExecutorPlan.fixed(timeline);
        }
        int executorsForShuffle = option.dynamicAllocation().map(DynamicAllocation::maxExecutors).orElse(option.executors());
        return new Replay(workload, plan, fetchWaitFactors(executorsForShuffle)).run(option, option.label());
    }

    /**
     * The replay on the executors the log had, each added and removed when it was, against the
     * real wall time; empty when the log names no executor with cores.
     */
    public Optional<SelfCheck> selfCheck() {
        if (realExecutors.isEmpty()) {
            return Optional.empty();
        }
        ClusterOption option = ClusterOption.fixed(Math.max(1, asRun.peakExecutors()), asRun.coresPerExecutor());
        String label = "as run: " + asRun.executors() + (asRun.executors() == 1 ? " executor" : " executors")
                + " x " + asRun.coresPerExecutor() + (asRun.coresPerExecutor() == 1 ? " core" : " cores");
        double[] unchanged = new double[workload.stages().size()];
        java.util.Arrays.fill(unchanged, 1.0);
        SimulationResult result = new Replay(workload, ExecutorPlan.fixed(realExecutors), unchanged).run(option, label);
        return Optional.of(new SelfCheck(result, workload.realWallMs()));
    }

    /** The wall time with a free slot for every task the moment it is submitted. */
    public long unboundedWallTimeMs() {
        long tasks = Math.min(workload.taskCount(), UNBOUNDED_SLOTS_CAP);
        ClusterOption unbounded = ClusterOption.fixed((int) Math.max(1, tasks), asRun.taskCpus());
        return simulate(unbounded).predictedWallTimeMs();
    }

    /** Replays on every option, the self-check and the unbounded bound, with the knee marked. */
    public WhatIf whatIf(List<ClusterOption> options) {
        List<SimulationResult> results = options.stream().map(this::simulate).toList();
        return new WhatIf(application.info().id(), application.info().name(), asRun, selfCheck(), results,
                unboundedWallTimeMs(), WhatIf.knee(results));
    }

    /**
     * Per stage, the factor on task durations for shuffle fetch wait on {@code executors}
     * executors: blocks are spread evenly, so (E - 1) / E of a reduce task's blocks are remote;
     * fetch wait is taken to grow in proportion to the remote share the log measured. A stage
     * that read nothing remotely keeps its durations (no measured wait to scale).
     */
    private double[] fetchWaitFactors(int executors) {
        double newRemote = executors <= 1 ? 0 : (executors - 1.0) / executors;
        double[] factors = new double[workload.stages().size()];
        for (int s = 0; s < factors.length; s++) {
            Workload.Stage stage = workload.stages().get(s);
            factors[s] = stage.remoteReadShare() <= 0 || stage.fetchWaitShare() <= 0 ? 1.0
                    : Math.max(0, 1 + stage.fetchWaitShare() * (newRemote / stage.remoteReadShare() - 1));
        }
        return factors;
    }

    /**
     * The executors that ran tasks, relative to the application start: every executor except the
     * driver, or the driver alone in local mode.
     */
    private static List<ExecutorPlan.Planned> realExecutors(Application app, long realWallMs) {
        long start = app.info().startTime().orElse(app.executors().stream().mapToLong(Executor::addTime).min().orElse(0));
        int taskCpus = taskCpus(app);
        List<Executor> workers = app.executors().stream().filter(e -> !e.isDriver() && e.totalCores() > 0).toList();
        if (workers.isEmpty()) {
            workers = app.executors().stream().filter(e -> e.isDriver() && e.totalCores() > 0).toList();
        }
        List<ExecutorPlan.Planned> planned = new ArrayList<>();
        ExecutorTimeline timeline = ExecutorTimeline.of(
                workers.stream().sorted(Comparator.comparingLong(Executor::addTime)).toList(), start, start + realWallMs);
        for (ExecutorTimeline.Lifetime e : timeline.lifetimes()) {
            long add = e.fromMs() - start;
            if (add > realWallMs) {
                // Added after the application ended: times no real run has (edited test logs).
                continue;
            }
            long remove = e.removed() ? Math.max(add, e.removeMs() - start) : -1;
            planned.add(new ExecutorPlan.Planned(add, remove, Math.max(0, e.cores() / taskCpus), e.cores()));
        }
        return planned;
    }

    private static ClusterShape shape(Application app, List<ExecutorPlan.Planned> executors, long firstTaskLaunchMs) {
        Map<Integer, Integer> coreCounts = new HashMap<>();
        for (ExecutorPlan.Planned p : executors) {
            coreCounts.merge(p.cores(), 1, Integer::sum);
        }
        int cores = coreCounts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElseGet(() -> intProperty(app, "spark.executor.cores").orElse(1));
        // A task cannot launch before an executor registered; the bound guards against odd logs.
        long startup = Math.min(firstTaskLaunchMs,
                executors.stream().mapToLong(ExecutorPlan.Planned::addMs).min().orElse(0));
        boolean dynamic = app.environment().sparkProperty("spark.dynamicAllocation.enabled")
                .map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        return new ClusterShape(executors.size(), peak(executors), cores, taskCpus(app), startup, dynamic);
    }

    private static int peak(List<ExecutorPlan.Planned> executors) {
        int peak = 0;
        for (ExecutorPlan.Planned p : executors) {
            int alive = 0;
            for (ExecutorPlan.Planned q : executors) {
                if (q.addMs() <= p.addMs() && (q.removeMs() < 0 || q.removeMs() > p.addMs())) {
                    alive++;
                }
            }
            peak = Math.max(peak, alive);
        }
        return peak;
    }

    private static int taskCpus(Application app) {
        return Math.max(1, intProperty(app, "spark.task.cpus").orElse(1));
    }

    private static Optional<Integer> intProperty(Application app, String key) {
        try {
            return app.environment().sparkProperty(key).map(v -> Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
