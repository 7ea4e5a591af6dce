package io.sparkwise.analysis.config;

import io.sparkwise.model.spark.SparkSizes;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigValidatorTest {

    private final ConfigValidator validator = new ConfigValidator(new ConfigValidator.NodeLimits(16L << 30, 8));

    @Test
    void containerBytes_unitlessOffHeapSize_isBytesAsSparkReadsIt() {
        // spark.memory.offHeap.size is bytesConf(BYTE): "1073741824" is 1 GiB, not 1073741824 MiB
        long container = ConfigValidator.containerBytes(Map.of("spark.executor.memory", "4g",
                "spark.memory.offHeap.enabled", "true", "spark.memory.offHeap.size", "1073741824"));

        assertThat(container).isEqualTo((4096L << 20) + (long) ((4096L << 20) * 0.10) + (1024L << 20));
    }

    @Test
    void validate_initialExecutorsAboveMax_isRejected() {
        ConfigValidator.Result r = validator.validate(Map.of("spark.dynamicAllocation.enabled", "true",
                "spark.dynamicAllocation.maxExecutors", "10"), Map.of("spark.dynamicAllocation.initialExecutors", "20"));

        assertThat(r.problems()).extracting(ConfigValidator.Problem::message).containsExactly(
                "spark.dynamicAllocation.initialExecutors (20) is not between minExecutors (0) and maxExecutors (10)");
    }

    @Test
    void validate_instancesAboveDynamicMax_isRejected() {
        ConfigValidator.Result r = validator.validate(Map.of("spark.dynamicAllocation.enabled", "true",
                "spark.dynamicAllocation.maxExecutors", "5"), Map.of("spark.executor.instances", "8"));

        assertThat(r.problems()).extracting(ConfigValidator.Problem::key).containsExactly("spark.executor.instances");
    }

    @Test
    void validate_heapPlusOverheadPlusOffHeapPlusPysparkAboveNode_isRejected() {
        // 12g + max(1.2g, 384m) overhead + 2g off-heap + 1g PySpark = 16.2g > 16g node
        ConfigValidator.Result r = validator.validate(Map.of("spark.memory.offHeap.enabled", "true",
                        "spark.memory.offHeap.size", "2g", "spark.executor.pyspark.memory", "1g"),
                Map.of("spark.executor.memory", "12g"));

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("spark.executor.memory");
            assertThat(p.message()).startsWith("executor container needs 16.2 GiB");
        });
    }

    @Test
    void validate_consistentSet_passes() {
        ConfigValidator.Result r = validator.validate(Map.of(), Map.of("spark.executor.memory", "8g",
                "spark.executor.cores", "4", "spark.sql.shuffle.partitions", "400"));

        assertThat(r.valid()).isTrue();
    }

    @Test
    void validate_badUnits_areRejected() {
        ConfigValidator.Result r = validator.validate(Map.of(), Map.of("spark.executor.memory", "8 gigs",
                "spark.executor.cores", "four", "spark.sql.adaptive.enabled", "yes"));

        assertThat(r.problems()).extracting(ConfigValidator.Problem::message).containsExactlyInAnyOrder(
                "spark.executor.memory=8 gigs is not a size Spark accepts (e.g. 4g, 512m)",
                "spark.executor.cores=four is not a whole number",
                "spark.sql.adaptive.enabled=yes is not true or false");
    }

    @Test
    void containerBytes_defaultOverhead_isTenPercentWithA384MiBFloor() {
        assertThat(ConfigValidator.containerBytes(Map.of("spark.executor.memory", "2g")))
                .isEqualTo((2L << 30) + (384L << 20));
        assertThat(ConfigValidator.containerBytes(Map.of("spark.executor.memory", "10g")))
                .isEqualTo((10L << 30) + (long) ((10L << 30) * 0.10));
    }

    @Test
    void sizes_parseAndFormatInSparkSyntax() {
        assertThat(SparkSizes.parseBytes("4g", 1)).hasValue(4L << 30);
        assertThat(SparkSizes.parseBytes("4096", 1 << 20)).hasValue(4L << 30);
        assertThat(SparkSizes.parseBytes("512mb", 1)).hasValue(512L << 20);
        assertThat(SparkSizes.format(6L << 30)).isEqualTo("6g");
        assertThat(SparkSizes.format(1536L << 20)).isEqualTo("1536m");
    }
}
