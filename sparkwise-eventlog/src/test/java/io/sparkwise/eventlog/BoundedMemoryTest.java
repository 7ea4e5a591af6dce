package io.sparkwise.eventlog;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory does not grow with the number of tasks: a log of one million task events (500,000 tasks)
 * is read by a JVM with a 48 MiB heap, and its aggregates are exact. (The log is generated on the
 * fly: about 380 MB of JSON never held in memory.)
 */
@Tag("integration")
class BoundedMemoryTest {

    @Test
    void read_millionTaskEvents_fitsA48MiBHeapWithExactAggregates() throws IOException, InterruptedException {
        int stages = 200;
        int tasksPerStage = 2_500;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), BoundedMemoryCheck.class.getName(),
                String.valueOf(stages), String.valueOf(tasksPerStage))
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

        assertThat(finished).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        long tasks = (long) stages * tasksPerStage;
        // run time of task i is 1000 + i % 100 ms: per stage 2500 x 1000 + 25 x (0 + ... + 99)
        long runTime = stages * (tasksPerStage * 1000L + 25L * 4950);
        assertThat(output).isEqualTo("events=" + (3 + stages * 4 + tasks * 2 + 1) + " stages=" + stages
                + " completedTasks=" + tasks + " executorRunTime=" + runTime + " inputBytes=" + tasks * 1048576
                + " executorTotalTasks=" + tasks);
    }
}
