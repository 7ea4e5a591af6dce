package io.sparkwise.simulator;

import io.sparkwise.model.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationTimeoutsTest {

    @Test
    void parseTime_sparkTimeStrings_inMilliseconds() {
        assertThat(AllocationTimeouts.parseTime("60s")).hasValue(60_000L);
        assertThat(AllocationTimeouts.parseTime("500ms")).hasValue(500L);
        assertThat(AllocationTimeouts.parseTime("2min")).hasValue(120_000L);
        assertThat(AllocationTimeouts.parseTime(" 1h ")).hasValue(3_600_000L);
        // A bare number is seconds for these settings, as Spark reads them.
        assertThat(AllocationTimeouts.parseTime("3")).hasValue(3_000L);
        assertThat(AllocationTimeouts.parseTime("soon")).isEmpty();
        assertThat(AllocationTimeouts.parseTime("5 fortnights")).isEmpty();
    }

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
}
