package io.sparkwise.engine;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.advisor.cost.PriceContext;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.simulator.SimulationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkwiseTest {

    static final String YARN_LOG = "../shared/eventlogs/apache-spark/spark-events/application_1553914137147_0018";
    static final String NO_JOBS_LOG = "../shared/eventlogs/apache-spark/spark-events/application_1555004656427_0144";

    private final Sparkwise sparkwise = new Sparkwise();

    @Test
    void analyze_defaults_givesTheAnalyzersFindingsAndNoCostOrSimulation() {
        LogInput log = only(YARN_LOG);

        AnalysisResult result = sparkwise.analyze(log, AnalysisOptions.defaults());

        Application app = new EventLogReader().read(log);
        assertThat(result.application()).isEqualTo(app);
        assertThat(result.analysis()).isEqualTo(Analyzer.withBuiltInRules().analyze(app, Thresholds.defaults()));
        assertThat(result.cost()).isEmpty();
        assertThat(result.simulation()).isEmpty();
    }

    @Test
    void analyze_withPrices_costsTheRun() {
        PriceContext prices = PriceContext.of(PriceCatalog.load(Optional.empty()), Optional.empty(),
                Optional.of("m5.xlarge"), Optional.of("emr"), false);

        AnalysisResult result = sparkwise.analyze(only(YARN_LOG),
                AnalysisOptions.defaults().withPrices(prices, OptionalInt.of(24)));

        assertThat(result.cost()).hasValueSatisfying(cost -> {
            assertThat(cost.applicationId()).isEqualTo("application_1553914137147_0018");
            assertThat(cost.totalDollars()).isPositive();
            assertThat(cost.monthly()).isPresent();
        });
    }

    @Test
    void analyze_withSimulation_replaysOnTheCountsAsked() {
        AnalysisResult result = sparkwise.analyze(only(YARN_LOG), AnalysisOptions.defaults().withSimulation(List.of(1, 4)));

        assertThat(result.simulation()).hasValueSatisfying(whatIf ->
                assertThat(whatIf.options()).extracting(r -> r.option().executors()).containsExactly(1, 4));
        assertThat(result.simulation().get().options()).allSatisfy(
                (SimulationResult r) -> assertThat(r.predictedWallTimeMs()).isPositive());
    }

    @Test
    void analyze_simulationOfALogWithoutTasks_isEmptyNotAnError() {
        AnalysisResult result = sparkwise.analyze(only(NO_JOBS_LOG), AnalysisOptions.defaults().withSimulation(List.of()));

        assertThat(result.simulation()).isEmpty();
        assertThat(result.application().jobs()).isEmpty();
    }

    @Test
    void analyze_oneInstanceOnTwoThreads_givesEqualResults() throws Exception {
        LogInput log = only(YARN_LOG);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<AnalysisResult>> results = threads.invokeAll(List.of(
                    () -> sparkwise.analyze(log, AnalysisOptions.defaults()),
                    () -> sparkwise.analyze(log, AnalysisOptions.defaults())));

            assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void discover_missingPath_throwsSparkwiseException() {
        assertThatThrownBy(() -> sparkwise.discover("../shared/eventlogs/no-such-log"))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessageContaining("no-such-log");
    }

    @Test
    void options_badExecutorCount_isRejected() {
        assertThatThrownBy(() -> AnalysisOptions.defaults().withSimulation(List.of(2, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("executor counts must be 1 or more, was 0");
    }

    private LogInput only(String path) {
        List<LogInput> logs = sparkwise.discover(path);
        assertThat(logs).hasSize(1);
        return logs.get(0);
    }
}
