package io.sparkwise.advisor.cost;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Impact;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Environment;
import io.sparkwise.model.Executor;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskDistributions;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Cost arithmetic on one hand-made run: 1 hour; executor 1 (4 cores, the whole hour, 2 core-hours of
 * tasks), executor 2 (2 cores, the second half hour, 0.5 core-hours of tasks), the driver (1 core,
 * 2g). spark.executor.memory 4g: container 4096 + 409 = 4505 MiB; driver 2048 + 384 = 2432 MiB.
 * On m5.xlarge (4 vCPU, 16 GiB, 0.192/h) the shares are max(cores / 4, container / 16 GiB):
 * executor 1 = 1, executor 2 = 0.5, driver = max(0.25, 0.148) = 0.25.
 */
class CostModelTest {

    private static final PriceCatalog CATALOG = PriceCatalog.shipped();
    private static final double E = 1e-9;
    private static final Application RUN = run();

    @Test
    void cost_onDemand_splitsBusyIdleAndDriver() {
        CostReport report = cost("emr-free", false);

        // executor 1: 1 x 0.192 x 1 h = 0.192; executor 2: 0.5 x 0.192 x 0.5 h = 0.048; driver 0.25 x 0.192 x 1 h = 0.048
        assertThat(report.totalDollars()).isCloseTo(0.288, within(E));
        // busy: 0.192 x 7.2e6 / (3.6e6 x 4) = 0.096; 0.048 x 1.8e6 / (1.8e6 x 2) = 0.024
        assertThat(report.busyDollars()).isCloseTo(0.12, within(E));
        assertThat(report.idleDollars()).isCloseTo(0.12, within(E));
        assertThat(report.driverDollars()).isCloseTo(0.048, within(E));
        // (0.192 + 0.048) / (4 x 1 h + 2 x 0.5 h) = 0.048 per core-hour
        assertThat(report.dollarsPerCoreHour()).isCloseTo(0.048, within(E));
        assertThat(report.prices()).contains("instances[aws/us-east-1/m5.xlarge].on_demand_per_hour = 0.192 "
                + "(aws/karpenter-provider-aws zz_generated.pricing_aws.go, 2026-07-20, verified)");
    }

    @Test
    void cost_findings_rootCausesPricedAtTheCoreHourRate() {
        Finding root = finding("skew.task-duration", 7200, Optional.empty());
        Finding symptom = finding("spill.memory", 3600, Optional.of("skew.task-duration"));

        CostReport report = new CostModel(context("none", false)).cost(RUN, List.of(root, symptom), OptionalInt.of(2), false);

        // 7200 core-s = 2 core-hours x 0.048 = 0.096; the symptom is not counted again
        assertThat(report.findings()).hasSize(1);
        assertThat(report.findings().get(0).dollars()).isCloseTo(0.096, within(E));
        // 2 runs a day x 730 / 24 days = 60.8333 runs: 0.288 x 60.8333 = 17.52; 0.096 x 60.8333 = 5.84
        CostReport.MonthlyProjection monthly = report.monthly().orElseThrow();
        assertThat(monthly.runsPerMonth()).isCloseTo(60.833333333, within(1e-6));
        assertThat(monthly.cost()).isCloseTo(17.52, within(1e-9));
        assertThat(monthly.findingSavings()).isCloseTo(5.84, within(1e-9));
    }

    @Test
    void cost_emr_addsThePerTypeFee() {
        // EMR fee for m5.xlarge 0.048/h: rate 0.24 per instance-hour; 0.24 + 0.5 x 0.24 x 0.5 + 0.25 x 0.24 = 0.36
        assertThat(cost("emr", false).totalDollars()).isCloseTo(0.36, within(E));
    }

    @Test
    void cost_emrServerless_billsVcpuAndMemoryOfEachWorker() {
        double executor = 4 * 0.052624 + 4505 / 1024.0 * 0.0057785;
        double executor2 = (2 * 0.052624 + 4505 / 1024.0 * 0.0057785) * 0.5;
        double driver = 1 * 0.052624 + 2432 / 1024.0 * 0.0057785;

        CostReport report = new CostModel(PriceContext.of(CATALOG, Optional.empty(), Optional.empty(), Optional.of("emr-serverless"), false))
                .cost(RUN, List.of(), OptionalInt.empty(), false);

        assertThat(report.totalDollars()).isCloseTo(executor + executor2 + driver, within(E));
        assertThat(report.spot()).isEmpty();
    }

    @Test
    void cost_glue_billsWholeDpus() {
        // each worker fits in 1 DPU (4 vCPU, 16 GB): 0.44 x (1 h + 0.5 h + 1 h) = 1.10
        CostReport report = new CostModel(PriceContext.of(CATALOG, Optional.empty(), Optional.empty(), Optional.of("glue"), false))
                .cost(RUN, List.of(), OptionalInt.empty(), false);

        assertThat(report.totalDollars()).isCloseTo(1.10, within(E));
    }

    @Test
    void cost_spot_pricesInterruptionRiskFromTheStageStructure() {
        SpotEstimate spot = cost("none", false).spot().orElseThrow();

        // spot = 0.192 x (1 - 55%) = 0.0864/h: 0.0864 + 0.5 x 0.0864 x 0.5 + driver on demand 0.048 = 0.156
        assertThat(spot.spotDollars()).isCloseTo(0.156, within(E));
        // 1.5 executor-hours x 10% / 730 h
        assertThat(spot.expectedInterruptions()).isCloseTo(1.5 * 0.10 / 730, within(E));
        // in flight: 4 cores x mean task 36 s (5400 s / 150 tasks) / 2 = 72; stage 0's output (3600 core-s) is needed
        // from 1200 s to 3000 s of 3600 s: 1800 core-s over 2 executors = 900; 972 core-s per interruption
        assertThat(spot.lostCoreSecondsPerInterruption()).isCloseTo(972, within(E));
        // re-run at 0.108 / 18000 core-seconds = 0.000006 per core-second
        assertThat(spot.reexecutionDollars()).isCloseTo(1.5 * 0.10 / 730 * 972 * 0.000006, within(1e-15));
    }

    @Test
    void cost_withSpotFlag_executorsAtSpotDriverOnDemand() {
        CostReport report = cost("none", true);

        assertThat(report.totalDollars()).isCloseTo(0.156, within(E));
        assertThat(report.notes()).contains("priced as spot: executors at the spot price, the driver on demand (a lost driver ends the run)");
    }

    @Test
    void context_errors() {
        assertThatThrownBy(() -> PriceContext.of(CATALOG, Optional.empty(), Optional.empty(), Optional.of("emr"), false))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("pricing on platform 'emr' needs --instance TYPE (the node type executors ran on, e.g. m5.xlarge)");
        assertThatThrownBy(() -> cost("databricks", false))
                .hasMessage("price catalog: platforms[databricks] has no 'dbu_per_hour.m5.xlarge' (add it in a catalog file "
                        + "given with --catalog; docs/advisor.md shows the format)");
        assertThatThrownBy(() -> PriceContext.of(CATALOG, Optional.empty(), Optional.empty(), Optional.of("glue"), true))
                .hasMessage("--spot does not apply to glue (serverless: no instances to choose)");
    }

    private static CostReport cost(String platform, boolean spot) {
        return new CostModel(context(platform.equals("emr-free") ? "none" : platform, spot)).cost(RUN, List.of(), OptionalInt.empty(), false);
    }

    private static PriceContext context(String platform, boolean spot) {
        return PriceContext.of(CATALOG, Optional.of("aws"), Optional.of("m5.xlarge"), Optional.of(platform), spot);
    }

    private static Finding finding(String ruleId, double wastedCoreSeconds, Optional<String> causedBy) {
        return new Finding(ruleId, Severity.WARNING, ruleId, Scope.APPLICATION, Map.of(), new Impact(wastedCoreSeconds, 10),
                new Recommendation("fix it", Map.of()), List.of(), causedBy);
    }

    private static Application run() {
        long hour = 3_600_000;
        Map<String, String> props = Map.of("spark.executor.memory", "4g", "spark.driver.memory", "2g", "spark.driver.cores", "1");
        ApplicationInfo info = new ApplicationInfo("app-cost", "cost", Optional.empty(), "tester", OptionalLong.of(0),
                OptionalLong.of(hour), hour, hour, Optional.of("3.5.1"), Optional.of("yarn"), ClusterManager.YARN, true);
        List<Executor> executors = List.of(
                executor("driver", 0, 0, OptionalLong.empty(), 0),
                executor("1", 4, 0, OptionalLong.empty(), 2 * hour),
                executor("2", 2, hour / 2, OptionalLong.of(hour), hour / 2));
        List<StageAttempt> stages = List.of(
                stage(0, List.of(), 100, 1_200_000, hour, 1000),
                stage(1, List.of(0), 50, 3_000_000, hour / 2, 0));
        ReadReport report = new ReadReport("test", List.of("test"), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, false, false, List.of());
        return new Application(info, new Environment(Optional.empty(), Optional.empty(), Optional.empty(), props, Map.of(), Map.of(),
                Map.of(), 0), List.of(), List.of(), stages, executors, List.of(), List.of(), report);
    }

    private static Executor executor(String id, int cores, long add, OptionalLong remove, long taskMs) {
        return new Executor(id, id + ":1", id, remove.isEmpty(), cores, cores, add, remove, Optional.empty(), 0, Optional.empty(),
                0, 0, 0, 0, taskMs, 0, 0, 0, 0, 0, 0, 0, false, List.of(), 0, Map.of(), Map.of(), Map.of(), Optional.empty());
    }

    private static StageAttempt stage(int id, List<Integer> parents, int tasks, long completion, long runTimeMs, long shuffleWrite) {
        long[] metrics = new long[TaskMetric.values().length];
        metrics[TaskMetric.EXECUTOR_RUN_TIME.ordinal()] = runTimeMs;
        metrics[TaskMetric.SHUFFLE_WRITE_BYTES.ordinal()] = shuffleWrite;
        return new StageAttempt(id, 0, StageStatus.COMPLETE, "stage " + id, "", Optional.empty(), "default", tasks, 0, tasks, 0, 0,
                tasks, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(completion), Optional.empty(),
                TaskMetricTotals.of(metrics), new TaskDistributions(Map.of()), parents, List.of(), List.of(), 0, Map.of(), Map.of(),
                List.of(), Optional.empty());
    }
}
