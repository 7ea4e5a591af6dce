package io.sparkwise.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * One discrete-event replay of a {@link Workload} on an {@link ExecutorPlan}.
 *
 * <p>As Spark's scheduler: a stage attempt is submitted once its job is submitted and the parent
 * attempts it waited for have ended (plus the driver delay the log measured); its tasks go to free
 * slots in FIFO order (lowest job id, then stage id, as TaskSetManager priorities), one task per
 * slot, slots spread round-robin over executors. A task occupies its slot for its logged duration.
 * Tasks of a stage run in a fixed pseudo-random order (seeded by the stage id): the log does not
 * say which partition took how long, and the order decides where the longest tasks fall.
 */
final class Replay {

    private enum Kind { JOB_SUBMIT, STAGE_SUBMIT, TASKS_LAUNCHABLE, STAGE_FIXED_END, TASK_END, EXECUTOR_UP, EXECUTOR_DOWN,
        BACKLOG_CHECK, IDLE_CHECK }

    private record Event(long time, long seq, Kind kind, int a, long b) {
    }

    private static final class SimExecutor {
        final int slots;
        final int cores;
        int free;
        int running;
        long upAt = -1;
        long downAt = -1;
        boolean cancelled;
        long idleEpoch;
        boolean keptIdle;

        SimExecutor(int slots, int cores) {
            this.slots = slots;
            this.cores = cores;
        }

        boolean alive() {
            return upAt >= 0 && downAt < 0;
        }

        boolean starting() {
            return upAt < 0 && !cancelled;
        }
    }

    private final Workload workload;
    private final ExecutorPlan plan;
    private final double[] durationFactorByStage;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparingLong(Event::time).thenComparingLong(Event::seq));
    private long seq;
    private long now;

    private final List<SimExecutor> executors = new ArrayList<>();
    private final ArrayDeque<Integer> withFreeSlot = new ArrayDeque<>();
    private final TreeSet<Integer> launchable;

    private final long[] jobSubmit;
    private final long[] jobEnd;
    private final boolean[] jobScheduled;
    private final int[] jobOpenStages;
    private final List<List<Integer>> jobsAnchoredOn = new ArrayList<>();
    private final List<List<Integer>> stagesWaitingOn = new ArrayList<>();
    private final int[] stageOpenWaits;
    private final long[] stageEnd;
    private final long[][] stageDurations;
    private final int[] nextTask;
    private final int[] tasksLeft;

    private long pendingTasks;
    private long runningTasks;
    private long idleSince;
    private long driverOnlyMs;
    private long busyCoreMs;
    private int peakExecutors;
    private int aliveExecutors;
    private boolean anyStageSubmitted;
    private DynamicAllocationState allocation;

    Replay(Workload workload, ExecutorPlan plan, double[] durationFactorByStage) {
        this.workload = workload;
        this.plan = plan;
        this.durationFactorByStage = durationFactorByStage;
        int jobs = workload.jobs().size();
        int stages = workload.stages().size();
        jobSubmit = new long[jobs];
        jobEnd = new long[jobs];
        jobOpenStages = new int[jobs];
        stageOpenWaits = new int[stages];
        stageEnd = new long[stages];
        stageDurations = new long[stages][];
        nextTask = new int[stages];
        tasksLeft = new int[stages];
        java.util.Arrays.fill(jobSubmit, -1);
        java.util.Arrays.fill(jobEnd, -1);
        jobScheduled = new boolean[jobs];
        java.util.Arrays.fill(stageEnd, -1);
        launchable = new TreeSet<>(Comparator.comparingInt((Integer s) -> workload.stages().get(s).priorityJobId())
                .thenComparingInt(s -> workload.stages().get(s).stageId())
                .thenComparingInt(s -> workload.stages().get(s).attemptId()));
        for (int j = 0; j < jobs; j++) {
            jobsAnchoredOn.add(new ArrayList<>());
        }
        for (int s = 0; s < stages; s++) {
            stagesWaitingOn.add(new ArrayList<>());
        }
    }

    SimulationResult run(ClusterOption option, String label) {
        startExecutors();
        for (int j = 0; j < workload.jobs().size(); j++) {
            Workload.Job job = workload.jobs().get(j);
            jobOpenStages[j] = job.stages().size();
            if (job.anchorJob() < 0) {
                jobScheduled[j] = true;
                schedule(job.realSubmitMs(), Kind.JOB_SUBMIT, j, 0);
            } else {
                jobsAnchoredOn.get(job.anchorJob()).add(j);
            }
        }
        for (int s = 0; s < workload.stages().size(); s++) {
            Workload.Stage stage = workload.stages().get(s);
            stageOpenWaits[s] = 1 + stage.waitsFor().size();
            for (int parent : stage.waitsFor()) {
                stagesWaitingOn.get(parent).add(s);
            }
        }
        idleSince = 0;
        loop();
        long end = applicationEnd();
        if (runningTasks == 0) {
            driverOnlyMs += Math.max(0, end - idleSince);
        }
        return result(option, label, end);
    }

    private void loop() {
        while (true) {
            Event e = events.poll();
            if (e == null) {
                if (!releaseStuckWork()) {
                    return;
                }
                continue;
            }
            now = e.time();
            handle(e);
            if (events.isEmpty() || events.peek().time() > now) {
                launchTasks();
                if (allocation != null) {
                    allocation.onLoadChanged();
                }
            }
        }
    }

    private void handle(Event e) {
        switch (e.kind()) {
            case JOB_SUBMIT -> submitJob(e.a());
            case STAGE_SUBMIT -> submitStage(e.a());
            case TASKS_LAUNCHABLE -> makeLaunchable(e.a());
            case STAGE_FIXED_END -> endStage(e.a());
            case TASK_END -> endTask(e.a(), (int) e.b());
            case EXECUTOR_UP -> executorUp(e.a());
            case EXECUTOR_DOWN -> executorDown(e.a());
            case BACKLOG_CHECK -> allocation.onBacklogCheck(e.b());
            case IDLE_CHECK -> allocation.onIdleCheck(e.a(), e.b());
        }
    }

    private void schedule(long time, Kind kind, int a, long b) {
        events.add(new Event(Math.max(time, now), seq++, kind, a, b));
    }

    // --- jobs and stages -------------------------------------------------------------------

    private void submitJob(int j) {
        jobSubmit[j] = now;
        Workload.Job job = workload.jobs().get(j);
        if (job.stages().isEmpty()) {
            endJob(j, now + (job.realEndMs() - job.realSubmitMs()));
            return;
        }
        for (int s : job.stages()) {
            waitDone(s);
        }
    }

    private void waitDone(int s) {
        if (--stageOpenWaits[s] == 0) {
            schedule(now + workload.stages().get(s).submitDelayMs(), Kind.STAGE_SUBMIT, s, 0);
        }
    }

    private void submitStage(int s) {
        Workload.Stage stage = workload.stages().get(s);
        anyStageSubmitted = true;
        if (stage.taskCount() == 0) {
            schedule(now + stage.fixedMs(), Kind.STAGE_FIXED_END, s, 0);
            return;
        }
        tasksLeft[s] = stage.taskCount();
        pendingTasks += stage.taskCount();
        schedule(now + workload.taskSetLaunchMs(), Kind.TASKS_LAUNCHABLE, s, 0);
    }

    private void makeLaunchable(int s) {
        stageDurations[s] = TaskDurations.of(workload.stages().get(s), durationFactorByStage[s]);
        launchable.add(s);
    }

    private void endStage(int s) {
        stageEnd[s] = now;
        stageDurations[s] = null;
        for (int child : stagesWaitingOn.get(s)) {
            waitDone(child);
        }
        int j = workload.stages().get(s).job();
        if (--jobOpenStages[j] == 0 && jobSubmit[j] >= 0) {
            endJob(j, now + workload.jobs().get(j).tailMs());
        }
    }

    private void endJob(int j, long time) {
        jobEnd[j] = Math.max(time, now);
        for (int next : jobsAnchoredOn.get(j)) {
            jobScheduled[next] = true;
            schedule(jobEnd[j] + workload.jobs().get(next).gapMs(), Kind.JOB_SUBMIT, next, 0);
        }
    }

    /**
     * Work that waits on something that never happens (only possible when the log's times tie in
     * ways the anchoring rules do not order): released in real submission order so every task runs.
     */
    private boolean releaseStuckWork() {
        for (int s = 0; s < stageOpenWaits.length; s++) {
            if (stageOpenWaits[s] > 0 && jobSubmit[workload.stages().get(s).job()] >= 0) {
                stageOpenWaits[s] = 1;
                waitDone(s);
                return true;
            }
        }
        for (int j = 0; j < jobScheduled.length; j++) {
            if (!jobScheduled[j]) {
                jobScheduled[j] = true;
                schedule(now, Kind.JOB_SUBMIT, j, 0);
                return true;
            }
        }
        return false;
    }

    private long applicationEnd() {
        long end = 0;
        for (long e : jobEnd) {
            end = Math.max(end, e);
        }
        int anchor = workload.appEndAnchorJob();
        long anchored = anchor < 0 ? workload.realWallMs() : jobEnd[anchor] + workload.appEndGapMs();
        return Math.max(end, anchored);
    }

    // --- tasks ---------------------------------------------------------------------------

    private void launchTasks() {
        while (!launchable.isEmpty()) {
            int e = takeFreeSlot();
            if (e < 0) {
                return;
            }
            int s = launchable.first();
            long duration = stageDurations[s][nextTask[s]++];
            if (nextTask[s] == stageDurations[s].length) {
                launchable.pollFirst();
            }
            SimExecutor ex = executors.get(e);
            ex.running++;
            ex.idleEpoch++;
            ex.keptIdle = false;
            pendingTasks--;
            if (runningTasks++ == 0) {
                driverOnlyMs += now - idleSince;
            }
            busyCoreMs += duration * Math.max(1, ex.cores / Math.max(1, ex.slots));
            schedule(now + duration, Kind.TASK_END, s, e);
        }
    }

    private int takeFreeSlot() {
        while (!withFreeSlot.isEmpty()) {
            int e = withFreeSlot.pollFirst();
            SimExecutor ex = executors.get(e);
            if (!ex.alive() || ex.free == 0) {
                continue;
            }
            ex.free--;
            if (ex.free > 0) {
                withFreeSlot.addLast(e);
            }
            return e;
        }
        return -1;
    }

    private void endTask(int s, int e) {
        SimExecutor ex = executors.get(e);
        ex.running--;
        if (--runningTasks == 0) {
            idleSince = now;
        }
        if (ex.alive()) {
            if (ex.free++ == 0) {
                withFreeSlot.addLast(e);
            }
            if (ex.running == 0 && allocation != null) {
                allocation.onExecutorIdle(e);
            }
        }
        if (--tasksLeft[s] == 0) {
            endStage(s);
        }
    }

    // --- executors -----------------------------------------------------------------------

    private void startExecutors() {
        for (ExecutorPlan.Planned p : plan.timeline()) {
            int e = addExecutor(p.slots(), p.cores());
            schedule(p.addMs(), Kind.EXECUTOR_UP, e, 0);
            if (p.removeMs() >= 0) {
                schedule(p.removeMs(), Kind.EXECUTOR_DOWN, e, 0);
            }
        }
        if (plan.dynamic().isPresent()) {
            allocation = new DynamicAllocationState(plan.dynamic().get());
            for (int i = 0; i < plan.initialExecutors(); i++) {
                int e = addExecutor(plan.slotsPerExecutor(), plan.coresPerExecutor());
                schedule(plan.startupMs(), Kind.EXECUTOR_UP, e, 0);
            }
            allocation.target = plan.initialExecutors();
        }
    }

    private int addExecutor(int slots, int cores) {
        executors.add(new SimExecutor(slots, cores));
        return executors.size() - 1;
    }

    private void executorUp(int e) {
        SimExecutor ex = executors.get(e);
        if (ex.cancelled || ex.downAt >= 0) {
            return;
        }
        ex.upAt = now;
        ex.free = ex.slots;
        if (ex.slots > 0) {
            withFreeSlot.addLast(e);
        }
        peakExecutors = Math.max(peakExecutors, ++aliveExecutors);
        if (allocation != null) {
            allocation.onExecutorIdle(e);
        }
    }

    /** The executor takes no new task; tasks running on it finish (Spark would rerun them elsewhere). */
    private void executorDown(int e) {
        SimExecutor ex = executors.get(e);
        if (ex.upAt < 0) {
            ex.cancelled = true;
            return;
        }
        if (ex.downAt < 0) {
            ex.downAt = now;
            ex.free = 0;
            aliveExecutors--;
        }
    }

    private SimulationResult result(ClusterOption option, String label, long end) {
        long executorMs = 0;
        long coreMs = 0;
        for (SimExecutor ex : executors) {
            if (ex.upAt < 0 || ex.upAt > end) {
                continue;
            }
            long alive = (ex.downAt < 0 ? end : Math.min(end, ex.downAt)) - ex.upAt;
            executorMs += alive;
            coreMs += alive * ex.cores;
        }
        return new SimulationResult(option, label, end, executorMs, coreMs, busyCoreMs, Math.min(driverOnlyMs, end),
                peakExecutors, workload.taskCount());
    }

    // --- dynamic allocation ---------------------------------------------------------------

    /**
     * Spark's ExecutorAllocationManager policy: after {@code schedulerBacklogTimeout} of pending
     * tasks, raise the target by 1, then 2, 4, ... every {@code sustainedSchedulerBacklogTimeout}
     * while the backlog lasts, never past what the pending and running tasks need
     * (ceil(tasks x allocation ratio / slots per executor)) nor past the maximum; lower the target to
     * that need (not below the minimum) when it shrinks, cancelling executors not yet started;
     * remove an executor idle for {@code executorIdleTimeout} while more executors than
     * max(minimum, target) are left. Not modelled: shuffle tracking and cached-block timeouts, which
     * keep executors longer in Spark (so savings from dynamic allocation here are an upper bound).
     */
    private final class DynamicAllocationState {
        final DynamicAllocation bounds;
        int target;
        int toAdd = 1;
        long backlogEpoch;
        boolean backlogged;
        boolean checkScheduled;

        DynamicAllocationState(DynamicAllocation bounds) {
            this.bounds = bounds;
        }

        void onLoadChanged() {
            int needed = maxNeeded();
            if (anyStageSubmitted && target > needed) {
                target = Math.max(bounds.minExecutors(), needed);
                cancelStartingBeyondTarget();
                removeExpiredIdle();
            }
            if (pendingTasks > 0 && !backlogged) {
                backlogged = true;
                checkScheduled = true;
                schedule(now + plan.timeouts().schedulerBacklogMs(), Kind.BACKLOG_CHECK, 0, backlogEpoch);
            } else if (pendingTasks == 0 && backlogged) {
                backlogged = false;
                checkScheduled = false;
                backlogEpoch++;
                toAdd = 1;
            } else if (backlogged && !checkScheduled && target < Math.min(bounds.maxExecutors(), needed)) {
                // The backlog outgrew the target again: Spark's next periodic check would add.
                checkScheduled = true;
                schedule(now, Kind.BACKLOG_CHECK, 0, backlogEpoch);
            }
        }

        void onBacklogCheck(long epoch) {
            if (epoch != backlogEpoch || !backlogged) {
                return;
            }
            checkScheduled = false;
            addExecutors();
            // Spark re-checks every sustained timeout; while the target already covers the
            // backlog (or the maximum), those checks change nothing, so none is scheduled until
            // the backlog outgrows it (above), which keeps idle-but-backlogged stretches cheap.
            if (target < Math.min(bounds.maxExecutors(), maxNeeded())) {
                checkScheduled = true;
                schedule(now + plan.timeouts().sustainedSchedulerBacklogMs(), Kind.BACKLOG_CHECK, 0, backlogEpoch);
            }
        }

        private void addExecutors() {
            if (target >= bounds.maxExecutors()) {
                toAdd = 1;
                return;
            }
            int old = target;
            int next = Math.max(target, (int) executors.stream().filter(ex -> ex.alive() || ex.starting()).count());
            next += toAdd;
            next = Math.min(next, maxNeeded());
            next = Math.max(Math.min(next, bounds.maxExecutors()), bounds.minExecutors());
            int delta = next - old;
            if (delta <= 0) {
                toAdd = 1;
                return;
            }
            target = next;
            long current = executors.stream().filter(ex -> ex.alive() || ex.starting()).count();
            for (long i = current; i < target; i++) {
                int e = addExecutor(plan.slotsPerExecutor(), plan.coresPerExecutor());
                schedule(now + plan.startupMs(), Kind.EXECUTOR_UP, e, 0);
            }
            toAdd = delta == toAdd ? toAdd * 2 : 1;
        }

        private int maxNeeded() {
            double tasks = (pendingTasks + runningTasks) * plan.timeouts().executorAllocationRatio();
            return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(tasks / Math.max(1, plan.slotsPerExecutor())));
        }

        private void cancelStartingBeyondTarget() {
            long current = executors.stream().filter(ex -> ex.alive() || ex.starting()).count();
            for (int e = executors.size() - 1; e >= 0 && current > target; e--) {
                SimExecutor ex = executors.get(e);
                if (ex.starting()) {
                    ex.cancelled = true;
                    current--;
                }
            }
        }

        void onExecutorIdle(int e) {
            schedule(now + plan.timeouts().executorIdleMs(), Kind.IDLE_CHECK, e, executors.get(e).idleEpoch);
        }

        void onIdleCheck(int e, long epoch) {
            SimExecutor ex = executors.get(e);
            if (ex.alive() && ex.running == 0 && ex.idleEpoch == epoch) {
                tryRemove(e);
            }
        }

        /** Idle executors past their timeout, removed now that the target allows it. */
        private void removeExpiredIdle() {
            // The pending IDLE_CHECK events carry the deadline; executors whose check already
            // fired and were kept for the target are re-checked here.
            for (int e = 0; e < executors.size(); e++) {
                SimExecutor ex = executors.get(e);
                if (ex.alive() && ex.running == 0 && ex.keptIdle) {
                    tryRemove(e);
                }
            }
        }

        private void tryRemove(int e) {
            SimExecutor ex = executors.get(e);
            long left = executors.stream().filter(x -> x.alive() || x.starting()).count();
            if (left - 1 >= Math.max(bounds.minExecutors(), target)) {
                ex.downAt = now;
                ex.free = 0;
                aliveExecutors--;
            } else {
                ex.keptIdle = true;
            }
        }
    }
}
