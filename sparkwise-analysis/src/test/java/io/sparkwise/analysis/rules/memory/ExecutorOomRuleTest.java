package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorOomRuleTest {

    private final ExecutorOomRule rule = new ExecutorOomRule();

    private static TestApps cluster() {
        return TestApps.app().executors(4, 4).property("spark.executor.memory", "8g").property("spark.executor.cores", "4");
    }

    @Test
    void evaluate_heapOomThatFailedTheJob_firesCriticalWithLargerHeapAndMorePartitions() {
        Application app = cluster()
                .stage(3, s -> s.job(0).failed("Task 5 failed 4 times").metric(TaskMetric.SHUFFLE_LOCAL_BYTES_READ, 1L << 30)
                        .uniformTasks(TaskQuantity.DURATION, 196, 1_000)
                        .failure(TaskFailureKind.EXCEPTION_FAILURE, "java.lang.OutOfMemoryError", 4,
                                "java.lang.OutOfMemoryError: Java heap space"))
                .job(0, JobStatus.FAILED, List.of(3), OptionalLong.empty())
                .build();

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("memory.executor-oom");
            assertThat(f.scope().describe()).isEqualTo("stage 3.0");
            assertThat(f.evidence()).containsEntry("memoryRegion", "executor heap").containsEntry("failedTasks", 4)
                    .containsEntry("stageFailedOrJobFailed", true);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            // per task (8192 - 300) x 0.6 / 4 = 1184 MiB; x 1.5 = 1776 MiB -> heap 1776 x 4 / 0.6 + 300 = 12138 MiB -> 12g
            assertThat(f.recommendation().config()).containsExactly(
                    Map.entry("spark.executor.memory", "12g"),
                    Map.entry("spark.sql.shuffle.partitions", "400"));
            assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                    f.recommendation().config()).valid()).isTrue();
        });
    }

    @Test
    void evaluate_containerKilledWithExit137_raisesOverheadNotHeap() {
        Application app = cluster()
                .stage(1, s -> s.metric(TaskMetric.INPUT_BYTES, 1L << 30).uniformTasks(TaskQuantity.DURATION, 10, 1_000)
                        .failure(TaskFailureKind.EXECUTOR_LOST_FAILURE, "exit code 137", 2,
                                "Container from a bad node exited with exit code 137"))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.evidence()).containsEntry("memoryRegion", "container memory");
        // overhead max(8g x 0.10, 384m) = 819.2 MiB, x 1.5 = 1228.8 MiB; a scan stage: half the 128 MiB splits
        assertThat(f.recommendation().config()).containsExactly(
                Map.entry("spark.executor.memoryOverhead", "1229m"),
                Map.entry("spark.sql.files.maxPartitionBytes", "64m"));
        assertThat(f.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void evaluate_directBufferOom_isOffHeap() {
        Application app = cluster()
                .stage(1, s -> s.uniformTasks(TaskQuantity.DURATION, 10, 1_000)
                        .failure(TaskFailureKind.EXCEPTION_FAILURE, "java.lang.OutOfMemoryError", 1,
                                "java.lang.OutOfMemoryError: Direct buffer memory"))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.evidence()).containsEntry("memoryRegion", "off-heap (direct) memory");
        assertThat(f.recommendation().config()).containsOnlyKeys("spark.executor.memoryOverhead");
    }

    @Test
    void evaluate_otherExceptions_doesNotFire() {
        Application app = cluster()
                .stage(1, s -> s.uniformTasks(TaskQuantity.DURATION, 10, 1_000)
                        .failure(TaskFailureKind.EXCEPTION_FAILURE, "java.lang.RuntimeException", 3, "bad record"))
                .build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
