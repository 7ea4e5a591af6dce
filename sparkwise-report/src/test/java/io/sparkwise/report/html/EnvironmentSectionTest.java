package io.sparkwise.report.html;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentSectionTest {

    @Test
    void sorted_properties_performanceGroupsFirstThenAlphabetical() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spark.app.name", "x");
        props.put("spark.driver.memory", "4g");
        props.put("spark.dynamicAllocation.enabled", "true");
        props.put("spark.executor.memory", "8g");
        props.put("spark.sql.shuffle.partitions", "400");
        props.put("spark.eventLog.dir", "/tmp");

        assertThat(EnvironmentSection.sorted(props)).extracting(Map.Entry::getKey).containsExactly(
                "spark.sql.shuffle.partitions", "spark.executor.memory", "spark.driver.memory",
                "spark.dynamicAllocation.enabled", "spark.app.name", "spark.eventLog.dir");
    }

    @Test
    void source_knownDefaultValue_isNotMarkedAsSetByTheUser() {
        assertThat(EnvironmentSection.source("spark.sql.shuffle.partitions", "200")).isEqualTo("Spark default");
        assertThat(EnvironmentSection.source("spark.sql.shuffle.partitions", "64")).isEqualTo("set by the user");
        assertThat(EnvironmentSection.source("spark.master", "local[2]")).isEqualTo("always set");
        assertThat(EnvironmentSection.source("spark.some.custom", "1")).isEqualTo("set by the user");
    }

    @Test
    void defaults_takenFromSparkDefaults_readAsSparkPrintsThem() {
        // The page marks a property as a default by comparing text: the numbers shared with
        // SparkDefaults must still read as Spark writes them into the log.
        assertThat(EnvironmentSection.DEFAULTS).contains(
                Map.entry("spark.sql.shuffle.partitions", "200"),
                Map.entry("spark.sql.autoBroadcastJoinThreshold", "10485760"),
                Map.entry("spark.sql.files.maxPartitionBytes", "134217728"),
                Map.entry("spark.executor.memoryOverheadFactor", "0.1"),
                Map.entry("spark.memory.fraction", "0.6"),
                Map.entry("spark.memory.storageFraction", "0.5"),
                Map.entry("spark.task.maxFailures", "4"),
                Map.entry("spark.network.timeout", "120s"));
    }
}
