package io.sparkwise.eventlog.fidelity;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.parse.JsonAccess;
import io.sparkwise.model.Application;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our task quantiles (from the per-stage sketches) against Spark's own expected
 * {@code taskSummary} answers (apache-spark/expectations, Spark 3.5): within the sketch's 1%.
 */
class TaskSummaryFidelityTest {

    private static final Path SPARK_EXPECTATIONS = Path.of("../shared/eventlogs/apache-spark/expectations");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "stage_task_summary_w__custom_quantiles_expectation.json, local-1430917381534, 0",
            "stage_task_summary_w_shuffle_write_expectation.json, local-1430917381534, 0",
            "stage_task_summary_w_shuffle_read_expectation.json, local-1430917381534, 1"})
    void taskDistributions_sparkTestLog_matchHistoryServerTaskSummary(String file, String log, int stageId)
            throws IOException {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover("../shared/eventlogs/apache-spark/spark-events/" + log).get(0));
        StageAttempt stage = app.stage(stageId, 0).orElseThrow();
        Map<String, Object> expected = JsonAccess.asObj(HistoryServerComparison.readJson(SPARK_EXPECTATIONS.resolve(file)));
        List<Object> quantiles = JsonAccess.list(expected, "quantiles");

        List<String> differences = new ArrayList<>();
        compare(differences, stage, TaskQuantity.DURATION, JsonAccess.list(expected, "duration"), quantiles);
        compare(differences, stage, TaskQuantity.EXECUTOR_RUN_TIME, JsonAccess.list(expected, "executorRunTime"), quantiles);
        compare(differences, stage, TaskQuantity.EXECUTOR_DESERIALIZE_TIME,
                JsonAccess.list(expected, "executorDeserializeTime"), quantiles);
        compare(differences, stage, TaskQuantity.RESULT_SIZE, JsonAccess.list(expected, "resultSize"), quantiles);
        compare(differences, stage, TaskQuantity.JVM_GC_TIME, JsonAccess.list(expected, "jvmGcTime"), quantiles);
        compare(differences, stage, TaskQuantity.SCHEDULER_DELAY, JsonAccess.list(expected, "schedulerDelay"), quantiles);
        compare(differences, stage, TaskQuantity.INPUT_BYTES,
                JsonAccess.list(JsonAccess.obj(expected, "inputMetrics"), "bytesRead"), quantiles);
        compare(differences, stage, TaskQuantity.SHUFFLE_READ_BYTES,
                JsonAccess.list(JsonAccess.obj(expected, "shuffleReadMetrics"), "readBytes"), quantiles);
        compare(differences, stage, TaskQuantity.SHUFFLE_WRITE_BYTES,
                JsonAccess.list(JsonAccess.obj(expected, "shuffleWriteMetrics"), "writeBytes"), quantiles);
        compare(differences, stage, TaskQuantity.SHUFFLE_WRITE_TIME,
                JsonAccess.list(JsonAccess.obj(expected, "shuffleWriteMetrics"), "writeTime"), quantiles);

        assertThat(differences).isEmpty();
    }

    private static void compare(List<String> differences, StageAttempt stage, TaskQuantity quantity,
                                List<Object> expected, List<Object> quantiles) {
        QuantileSketch sketch = stage.taskDistributions().of(quantity);
        for (int i = 0; i < quantiles.size(); i++) {
            double q = ((Number) quantiles.get(i)).doubleValue();
            double want = ((Number) expected.get(i)).doubleValue();
            long got = sketch.quantile(q);
            if (Math.abs(got - want) > want * QuantileSketch.RELATIVE_ACCURACY + 1) {
                differences.add(quantity.apiName() + " q" + q + ": expected " + want + ", got " + got);
            }
        }
    }
}
