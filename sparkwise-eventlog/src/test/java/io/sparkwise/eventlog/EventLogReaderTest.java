package io.sparkwise.eventlog;

import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogReaderTest {

    @TempDir
    Path dir;

    private final EventLogReader reader = new EventLogReader();

    private Application read(Path file) {
        return reader.read(reader.discover(file.toString()).get(0));
    }

    @Test
    void read_minimalApplication_buildsStageAndExecutorAggregates() throws IOException {
        Application app = read(SyntheticLog.minimalApp().end(2000).write(dir.resolve("app-1")));

        assertThat(app.info().id()).isEqualTo("app-1");
        assertThat(app.info().duration()).isEqualTo(1000);
        assertThat(app.info().completed()).isTrue();
        assertThat(app.info().clusterManager()).isEqualTo(ClusterManager.YARN);
        StageAttempt stage = app.stage(0, 0).orElseThrow();
        assertThat(stage.numCompleteTasks()).isEqualTo(2);
        assertThat(stage.metrics().executorRunTime()).isEqualTo(950);
        assertThat(stage.metrics().inputBytes()).isEqualTo(2000);
        assertThat(stage.taskDistributions().of(TaskQuantity.DURATION).max()).isEqualTo(690);
        assertThat(stage.taskDistributions().of(TaskQuantity.DURATION).min()).isEqualTo(290);
        assertThat(app.executor("1").orElseThrow().totalTasks()).isEqualTo(2);
        assertThat(app.executor("1").orElseThrow().totalGCTime()).isEqualTo(20);
        assertThat(app.readReport().damagedLineCount()).isZero();
    }

    @Test
    void read_garbageAndTruncatedLinesInTheMiddle_countsThemWithLineNumbersAndKeepsTheRest() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        log.add("this is not json");
        log.add("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":1,\"Submission");
        log.end(2000);
        Application app = read(log.write(dir.resolve("app-1")));

        ReadReport report = app.readReport();
        assertThat(report.damagedLineCount()).isEqualTo(2);
        assertThat(report.damagedLines()).extracting(ReadReport.DamagedLine::line).containsExactly(13L, 14L);
        assertThat(report.damagedLines().get(0).reason()).isEqualTo("not a JSON object");
        assertThat(report.damagedLines().get(1).reason()).startsWith("invalid JSON: ");
        assertThat(app.info().completed()).isTrue();
        assertThat(app.stage(0, 0).orElseThrow().numCompleteTasks()).isEqualTo(2);
    }

    @Test
    void read_inProgressLogCutMidLine_marksIncompleteWithoutDamage() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        log.add("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":1,\"Subm");
        Application app = read(log.writeWithoutFinalNewline(dir.resolve("app-1.inprogress")));

        assertThat(app.info().completed()).isFalse();
        assertThat(app.readReport().truncatedLastLine()).isTrue();
        assertThat(app.readReport().damagedLineCount()).isZero();
        assertThat(app.readReport().inProgress()).isTrue();
    }

    @Test
    void read_finishedLogCutMidLine_reportsTheCutLastLine() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        log.add("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":1,\"Subm");
        Application app = read(log.writeWithoutFinalNewline(dir.resolve("app-1")));

        assertThat(app.readReport().damagedLines()).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("last line cut off: invalid JSON"));
    }

    @Test
    void read_unknownVendorEvent_isCountedAndSkipped() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        log.add("{\"Event\":\"com.vendor.MyCustomEvent\",\"x\":1}");
        Application app = read(log.end(2000).write(dir.resolve("app-1")));

        assertThat(app.readReport().unknownEvents()).containsEntry("MyCustomEvent", 1L);
        assertThat(app.readReport().damagedLineCount()).isZero();
    }

    @Test
    void read_failedAndKilledTasks_areGroupedByKindAndCause() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        log.add(SyntheticLog.jobStart(1, 1, 3));
        log.add(SyntheticLog.stageSubmitted(1, 3, 2100));
        String oom = "{\"Reason\":\"ExceptionFailure\",\"Class Name\":\"java.lang.OutOfMemoryError\","
                + "\"Description\":\"Java heap space\",\"Stack Trace\":[]}";
        String lost = "{\"Reason\":\"ExecutorLostFailure\",\"Executor ID\":\"1\",\"Exit Caused By App\":true,"
                + "\"Loss Reason\":\"Container killed by YARN for exceeding memory limits. 5.5 GB of 5.5 GB physical memory used\"}";
        String killed = "{\"Reason\":\"TaskKilled\",\"Kill Reason\":\"another attempt succeeded\"}";
        log.add(SyntheticLog.taskStart(1, 10, 0, "1", 2110));
        log.add(SyntheticLog.taskEnd(1, 10, 0, "1", 2110, 2200, oom, 80));
        log.add(SyntheticLog.taskStart(1, 11, 1, "1", 2110));
        log.add(SyntheticLog.taskEnd(1, 11, 1, "1", 2110, 2300, lost, 180));
        log.add(SyntheticLog.taskStart(1, 12, 2, "1", 2110));
        log.add(SyntheticLog.taskEnd(1, 12, 2, "1", 2110, 2400, killed, 280));
        Application app = read(log.end(3000).write(dir.resolve("app-1")));

        assertThat(app.taskFailures()).extracting(g -> g.kind() + "/" + g.cause()).containsExactlyInAnyOrder(
                "EXCEPTION_FAILURE/java.lang.OutOfMemoryError",
                "EXECUTOR_LOST_FAILURE/container killed for exceeding memory limits",
                "TASK_KILLED/another attempt succeeded");
        assertThat(app.taskFailures()).filteredOn(g -> g.kind() == TaskFailureKind.EXCEPTION_FAILURE)
                .singleElement().satisfies(g -> {
                    assertThat(g.sampleMessage()).isEqualTo("Java heap space");
                    assertThat(g.wastedTaskTime()).isEqualTo(90);
                });
        StageAttempt stage = app.stage(1, 0).orElseThrow();
        assertThat(stage.numFailedTasks()).isEqualTo(2);
        assertThat(stage.numKilledTasks()).isEqualTo(1);
        assertThat(stage.killedTasksSummary()).containsEntry("another attempt succeeded", 1);
        assertThat(app.job(1).orElseThrow().numFailedTasks()).isEqualTo(2);
    }

    @Test
    void read_emptyFile_failsWithClearMessage() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));

        assertThatThrownBy(() -> read(empty))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage(empty + ": empty file (0 bytes), not an event log")
                .satisfies(e -> assertThat(((SparkwiseException) e).code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG));
    }

    @Test
    void read_textFileThatIsNotJson_failsNamingFirstLine() throws IOException {
        Path text = Files.writeString(dir.resolve("driver.log"), "24/01/01 INFO SparkContext: Running Spark\nmore\n");

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage(text + ": not a Spark event log: no line is a Spark listener event "
                        + "(line 1: '24/01/01 INFO SparkContext: Running Spark')");
    }

    @Test
    void read_binaryFile_failsSayingBinary() throws IOException {
        byte[] bytes = new byte[2048];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path binary = Files.write(dir.resolve("image.bin"), bytes);

        assertThatThrownBy(() -> read(binary))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage(binary + ": binary data, not a Spark event log");
    }

    @Test
    void read_jsonLinesThatAreNotSparkEvents_failsClearly() throws IOException {
        Path json = Files.writeString(dir.resolve("other.json"), "{\"a\":1}\n{\"b\":2}\n");

        assertThatThrownBy(() -> read(json))
                .isInstanceOf(SparkwiseException.class)
                .hasMessageStartingWith(json + ": not a Spark event log");
    }

    @Test
    void read_deeplyNestedLine_isReportedAsDamagedNotCrash() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        log.add("{\"Event\":\"X\",\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        Application app = read(log.end(2000).write(dir.resolve("app-1")));

        assertThat(app.readReport().damagedLines()).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("JSON exceeds a safety limit: "));
    }

    @Test
    void read_giantStringValue_isReadWithinLimits() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        log.add("{\"Event\":\"SparkListenerUnpersistRDD\",\"RDD ID\":1,\"x\":\"" + "y".repeat(30_000_000) + "\"}");
        Application app = read(log.end(2000).write(dir.resolve("app-1")));

        assertThat(app.readReport().damagedLineCount()).isZero();
        assertThat(app.readReport().eventCounts()).containsEntry("SparkListenerUnpersistRDD", 1L);
    }

    @Test
    void read_logWithoutApplicationStart_takesIdFromFileName() throws IOException {
        SyntheticLog log = new SyntheticLog();
        log.add(SyntheticLog.jobStart(0, 0, 1));
        log.add(SyntheticLog.stageSubmitted(0, 1, 1200));
        Application app = read(log.write(dir.resolve("application_1_2.zstd.inprogress").getParent()
                .resolve("fragment_77")));

        assertThat(app.info().id()).isEqualTo("fragment_77");
        assertThat(app.info().completed()).isFalse();
        assertThat(app.jobs()).hasSize(1);
    }

    @Test
    void read_utf8InNames_isKept() throws IOException {
        SyntheticLog log = SyntheticLog.minimalApp();
        String line = "{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"Ünïcødé 数据\","
                + "\"App ID\":\"app-1\",\"Timestamp\":1000,\"User\":\"alice\"}";
        log.add(line);
        Path file = log.end(2000).write(dir.resolve("app-1"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("数据");

        assertThat(read(file).info().name()).isEqualTo("Ünïcødé 数据");
    }

    @Test
    void read_truncatedZstdLog_keepsEveryDecodedEventAndReportsTheCut() throws IOException {
        byte[] full = Files.readAllBytes(Path.of("../shared/eventlogs/spark4/zstd/local-1795562808917.zstd"));
        Path cut = Files.write(dir.resolve("local-1795562808917.zstd"),
                java.util.Arrays.copyOf(full, full.length * 9 / 10));

        Application app = read(cut);

        assertThat(app.readReport().events()).isGreaterThan(10);
        assertThat(app.info().completed()).isFalse();
        assertThat(app.readReport().damagedLines()).last()
                .satisfies(d -> assertThat(d.reason()).startsWith("could not read further: ").contains("truncated"));
    }

    @Test
    void read_withProgress_reportsEveryRawByte() throws IOException {
        Path file = SyntheticLog.minimalApp().end(2000).write(dir.resolve("app-1"));
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();

        reader.read(reader.discover(file.toString()).get(0), seen::addAndGet);

        assertThat(seen.get()).isEqualTo(Files.size(file));
    }
}
