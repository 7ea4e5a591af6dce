package io.sparkwise.simulator;

import io.sparkwise.model.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationTimeoutsTest {

    @Test
    void of_environment_takesTheApplicationsSettingsAndSparksDefaultsForTheRest() {
        Environment env = new Environment(Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("spark.dynamicAllocation.schedulerBacklogTimeout", "2s",
                        "spark.dynamicAllocation.executorIdleTimeout", "30s",
                        "spark.dynamicAllocation.executorAllocationRatio", "not a number"),
                Map.of(), Map.of(), Map.of(), 0);

        // The sustained timeout defaults to the backlog timeout, as in Spark.
        assertThat(AllocationTimeouts.of(env)).isEqualTo(new AllocationTimeouts(2_000, 2_000, 30_000, 1.0));
        assertThat(AllocationTimeouts.of(Environment.EMPTY)).isEqualTo(AllocationTimeouts.SPARK_DEFAULTS);
    }

    @Test
    void of_timesSparkReadsInWholeSeconds_truncatedAsSparkDoes() {
        // All three are timeConf(SECONDS) in Spark: a plain number is seconds, 1500ms is 1 s.
        assertThat(AllocationTimeouts.of(env(Map.of("spark.dynamicAllocation.schedulerBacklogTimeout", "3",
                "spark.dynamicAllocation.sustainedSchedulerBacklogTimeout", "1500ms",
                "spark.dynamicAllocation.executorIdleTimeout", "2min"))))
                .isEqualTo(new AllocationTimeouts(3_000, 1_000, 120_000, 1.0));
    }

    @Test
    void of_valuesSparkRejects_fallBackToSparksDefaults() {
        // Decimals and spaces do not parse in Spark (JavaUtils.timeStringAs), a backlog timeout under
        // 1 s fails ExecutorAllocationManager's check, a negative idle timeout fails its checkValue.
        // Before issue 16 the simulator read "1.5s" as 1500 ms and "500ms" as 500 ms.
        assertThat(AllocationTimeouts.of(env(Map.of("spark.dynamicAllocation.schedulerBacklogTimeout", "1.5s",
                "spark.dynamicAllocation.executorIdleTimeout", "-5s"))))
                .isEqualTo(AllocationTimeouts.SPARK_DEFAULTS);
        assertThat(AllocationTimeouts.of(env(Map.of("spark.dynamicAllocation.schedulerBacklogTimeout", "500ms",
                "spark.dynamicAllocation.executorIdleTimeout", "30 s"))))
                .isEqualTo(AllocationTimeouts.SPARK_DEFAULTS);
    }

    private static Environment env(Map<String, String> sparkProperties) {
        return new Environment(Optional.empty(), Optional.empty(), Optional.empty(), sparkProperties,
                Map.of(), Map.of(), Map.of(), 0);
    }
}
