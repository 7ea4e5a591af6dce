package io.sparkwise.simulator;

import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduler on small hand-made DAGs; every expected number is worked out in the comment above it. */
class SimulatorTest {

    /** One stage of 4 tasks of 10 s that ran on 1 executor x 2 cores: 0-10 s and 10-20 s. */
    private static Application oneStage() {
        return DagApp.endingAt(20_000).executors(1, 2)
                .job(0, 0, 20_000, 0)
                .stage(0, 0, 0, 20_000, List.of(), 10_000, 10_000, 10_000, 10_000)
                .build();
    }

    @Test
    void simulate_oneStageOnMoreSlots_shortensToTheLongestTask() {
        Simulator simulator = Simulator.of(oneStage());
        // 2 slots: two waves of 10 s.
        assertThat(simulator.simulate(ClusterOption.fixed(1, 2)).predictedWallTimeMs()).isEqualTo(20_000);
        // 4 slots: one wave.
        assertThat(simulator.simulate(ClusterOption.fixed(2, 2)).predictedWallTimeMs()).isEqualTo(10_000);
        // 8 slots: still one wave of the 10 s tasks; the extra executors idle.
        SimulationResult eight = simulator.simulate(ClusterOption.fixed(4, 2));
        assertThat(eight.predictedWallTimeMs()).isEqualTo(10_000);
        // 4 executors x 10 s allocated, 8 cores x 10 s = 80 core-s, 40 core-s busy: 50%.
        assertThat(eight.executorMs()).isEqualTo(40_000);
        assertThat(eight.allocatedCoreMs()).isEqualTo(80_000);
        assertThat(eight.busyCoreMs()).isEqualTo(40_000);
        assertThat(eight.utilization()).isEqualTo(0.5);
        assertThat(eight.tasks()).isEqualTo(4);
        assertThat(simulator.unboundedWallTimeMs()).isEqualTo(10_000);
    }

    @Test
    void selfCheck_clusterItRanOn_reproducesTheRealWallTime() {
        SelfCheck check = Simulator.of(oneStage()).selfCheck().orElseThrow();
        assertThat(check.realWallTimeMs()).isEqualTo(20_000);
        assertThat(check.predicted().predictedWallTimeMs()).isEqualTo(20_000);
        assertThat(check.errorPct()).isEqualTo(0.0);
        assertThat(check.predicted().label()).isEqualTo("as run: 1 executor x 2 cores");
    }

    /**
     * A diamond in one job: stages 0 and 1 (2 tasks of 10 s each) are roots, stage 2 (one 5 s
     * task) reads both; the application ends 1 s after the job. Logged on 1 x 2 cores: stage 0
     * 0-10 s, stage 1 10-20 s (FIFO: stage 0 took both slots first), stage 2 20-25 s, end 26 s.
     */
    private static Application diamond() {
        return DagApp.endingAt(26_000).executors(1, 2)
                .job(0, 0, 25_000, 0, 1, 2)
                .stage(0, 0, 0, 10_000, List.of(), 10_000, 10_000)
                .stage(1, 0, 0, 20_000, List.of(), 10_000, 10_000)
                .stage(2, 0, 20_000, 25_000, List.of(0, 1), 5_000)
                .build();
    }

    @Test
    void simulate_diamond_parentsRunInParallelWhenSlotsAllow() {
        Simulator simulator = Simulator.of(diamond());
        // 1 x 2: 10 + 10 + 5 + 1 s after the job = 26 s, as logged.
        assertThat(simulator.simulate(ClusterOption.fixed(1, 2)).predictedWallTimeMs()).isEqualTo(26_000);
        // 2 x 2: stages 0 and 1 together 0-10 s, stage 2 10-15 s, end 16 s.
        SimulationResult four = simulator.simulate(ClusterOption.fixed(2, 2));
        assertThat(four.predictedWallTimeMs()).isEqualTo(16_000);
        // Only the last second has no task running.
        assertThat(four.driverOnlyMs()).isEqualTo(1_000);
        // 1 x 1: 4 x 10 s then 5 s, then 1 s: 46 s.
        assertThat(simulator.simulate(ClusterOption.fixed(1, 1)).predictedWallTimeMs()).isEqualTo(46_000);
    }

    /**
     * Two jobs with 3 s of driver work between them and 2 s after the last. Logged on 1 x 2 cores:
     * job 0 (4 tasks of 5 s) 0-10 s, job 1 (2 tasks of 10 s) 13-23 s, end 25 s.
     */
    @Test
    void simulate_sequentialJobs_keepsTheDriverGaps() {
        Application app = DagApp.endingAt(25_000).executors(1, 2)
                .job(0, 0, 10_000, 0)
                .stage(0, 0, 0, 10_000, List.of(), 5_000, 5_000, 5_000, 5_000)
                .job(1, 13_000, 23_000, 1)
                .stage(1, 1, 13_000, 23_000, List.of(), 10_000, 10_000)
                .build();
        // 2 x 2: job 0 0-5 s, job 1 at 5 + 3 = 8 s, runs 8-18 s, end 18 + 2 = 20 s.
        SimulationResult result = Simulator.simulate(app, ClusterOption.fixed(2, 2));
        assertThat(result.predictedWallTimeMs()).isEqualTo(20_000);
        // No task runs 5-8 s and 18-20 s.
        assertThat(result.driverOnlyMs()).isEqualTo(5_000);
    }

    /**
     * Dynamic allocation 0..4 executors of 1 core, 8 tasks of 10 s, executors start instantly
     * (the log's executor registered at 0). Backlog from 0: at 1 s target 1 (next step 2), at 2 s
     * target 3 (next step 4), at 3 s target min(3 + 4, max 4) = 4. Executor A runs 1-11 and 11-21 s,
     * B and C 2-12 and 12-22 s, D 3-13 and 13-23 s: the stage and the application end at 23 s.
     */
    @Test
    void simulate_dynamicAllocation_rampsUpExponentiallyAfterTheBacklogTimeout() {
        Application app = DagApp.endingAt(40_000).executors(1, 1)
                .job(0, 0, 40_000, 0)
                .stage(0, 0, 0, 40_000, List.of(), 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000)
                .build();
        SimulationResult result = Simulator.simulate(app, ClusterOption.dynamic(0, 4, 1));
        assertThat(result.predictedWallTimeMs()).isEqualTo(23_000);
        assertThat(result.peakExecutors()).isEqualTo(4);
        // Allocated: A 1-23 s (22), B and C 2-23 s (2 x 21), D 3-23 s (20) = 84 s.
        assertThat(result.executorMs()).isEqualTo(84_000);
        // No task runs in the first second.
        assertThat(result.driverOnlyMs()).isEqualTo(1_000);
    }

    /**
     * Two one-task jobs 100 s apart. Dynamic 0..2 x 1 core: job 0's task runs 1-11 s; the executor
     * idles from 11 s and is removed at 71 s (60 s idle timeout, target 0); job 1 is submitted at
     * 11 + 100 = 111 s, a new executor comes at 112 s and runs 112-122 s; the application ends
     * at 122 s. Allocated: 70 + 10 = 80 s.
     */
    @Test
    void simulate_dynamicAllocation_removesIdleExecutorsAfterTheIdleTimeout() {
        Application app = DagApp.endingAt(122_000).executors(1, 1)
                .job(0, 0, 11_000, 0)
                .stage(0, 0, 0, 11_000, List.of(), 10_000)
                .job(1, 111_000, 122_000, 1)
                .stage(1, 1, 111_000, 122_000, List.of(), 10_000)
                .build();
        SimulationResult dynamic = Simulator.simulate(app, ClusterOption.dynamic(0, 2, 1));
        assertThat(dynamic.predictedWallTimeMs()).isEqualTo(122_000);
        assertThat(dynamic.executorMs()).isEqualTo(80_000);
        // The same on one fixed executor: job 0 0-10 s (its stage had ended at 11 s because the
        // task waited for the backlog timeout; here it starts at once), job 1 at 110-120 s: 120 s
        // allocated the whole time.
        SimulationResult fixed = Simulator.simulate(app, ClusterOption.fixed(1, 1));
        assertThat(fixed.predictedWallTimeMs()).isEqualTo(120_000);
        assertThat(fixed.executorMs()).isEqualTo(120_000);
    }

    /**
     * A reduce stage of one 10 s task that waited 4 s on shuffle fetches (share 0.4) and read half
     * its bytes remotely. On 4 executors 3/4 of the blocks are remote: fetch wait grows by
     * 0.75 / 0.5, the task takes 10 x (1 + 0.4 x 0.5) = 12 s. On 1 executor nothing is remote: 6 s.
     */
    @Test
    void simulate_shuffleFetchWait_scalesWithTheRemoteShare() {
        long[] metrics = new long[TaskMetric.values().length];
        metrics[TaskMetric.SHUFFLE_FETCH_WAIT_TIME.ordinal()] = 4_000;
        metrics[TaskMetric.SHUFFLE_REMOTE_BYTES_READ.ordinal()] = 50;
        metrics[TaskMetric.SHUFFLE_LOCAL_BYTES_READ.ordinal()] = 50;
        Application app = DagApp.endingAt(10_000).executors(2, 1)
                .job(0, 0, 10_000, 0)
                .stage(0, 0, 0, 10_000, List.of(), metrics, 10_000)
                .build();
        Simulator simulator = Simulator.of(app);
        assertThat(simulator.simulate(ClusterOption.fixed(4, 1)).predictedWallTimeMs()).isEqualTo(12_000);
        assertThat(simulator.simulate(ClusterOption.fixed(1, 1)).predictedWallTimeMs()).isEqualTo(6_000);
        // The cluster it ran on: unchanged.
        assertThat(simulator.selfCheck().orElseThrow().predicted().predictedWallTimeMs()).isEqualTo(10_000);
    }

    /**
     * The log's executor 2 left at 5 s: as run, executor 1 (1 core) does all four 5 s tasks after
     * that: tasks 0-5 s on both, then 5-10 s and 10-15 s on executor 1 alone... with 4 tasks: 2 at
     * 0-5 s, then 2 more one after the other on executor 1: 5-10 s, 10-15 s.
     */
    @Test
    void selfCheck_executorRemovedMidRun_takesNoTaskAfterRemoval() {
        Application app = DagApp.endingAt(15_000)
                .executor("1", 1, 0, -1)
                .executor("2", 1, 0, 5_000)
                .job(0, 0, 15_000, 0)
                .stage(0, 0, 0, 15_000, List.of(), 5_000, 5_000, 5_000, 5_000)
                .build();
        SelfCheck check = Simulator.of(app).selfCheck().orElseThrow();
        assertThat(check.predicted().predictedWallTimeMs()).isEqualTo(15_000);
        // Executor 1 for 15 s, executor 2 for 5 s.
        assertThat(check.predicted().executorMs()).isEqualTo(20_000);
    }

    @Test
    void of_noSuccessfulTask_saysThereIsNothingToSimulate() {
        Application app = DagApp.endingAt(1_000).executors(1, 1).job(0, 0, 1_000).build();
        assertThatThrownBy(() -> Simulator.of(app))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("app-dag: no successful task in the log, nothing to replay on another cluster")
                .extracting(e -> ((SparkwiseException) e).code()).isEqualTo(ErrorCode.NOTHING_TO_SIMULATE);
    }

    @Test
    void simulate_fewerCoresThanTaskCpus_isRefused() {
        Application app = DagApp.endingAt(20_000).executors(1, 4).property("spark.task.cpus", "2")
                .job(0, 0, 20_000, 0)
                .stage(0, 0, 0, 20_000, List.of(), 10_000, 10_000, 10_000, 10_000)
                .build();
        Simulator simulator = Simulator.of(app);
        assertThatThrownBy(() -> simulator.simulate(ClusterOption.fixed(2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 cores per executor cannot run a task that needs 2 (spark.task.cpus)");
        // 4 cores / 2 per task = 2 slots per executor; 2 executors run all four at once: 10 s,
        // busy 4 tasks x 10 s x 2 cpus = 80 core-s of 2 x 4 x 10 = 80 allocated.
        SimulationResult result = simulator.simulate(ClusterOption.fixed(2, 4));
        assertThat(result.predictedWallTimeMs()).isEqualTo(10_000);
        assertThat(result.utilization()).isEqualTo(1.0);
    }

    @Test
    void whatIf_knee_isTheCheapestOptionWithinTenPercentOfTheFastest() {
        Simulator simulator = Simulator.of(oneStage());
        WhatIf whatIf = simulator.whatIf(List.of(ClusterOption.fixed(1, 2), ClusterOption.fixed(2, 2),
                ClusterOption.fixed(4, 2)));
        // 20 s, 10 s, 10 s: the 2-executor option is as fast as 4 and allocates half the cores.
        assertThat(whatIf.knee()).hasValue(1);
        assertThat(whatIf.unboundedWallTimeMs()).isEqualTo(10_000);
    }
}
