package io.sparkwise.engine.json;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.advisor.cost.CostLine;
import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.advisor.cost.ExecutorCost;
import io.sparkwise.advisor.cost.FindingSaving;
import io.sparkwise.advisor.cost.PriceContext;
import io.sparkwise.advisor.cost.SpotEstimate;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A result's cost and simulation written into its JSON and read back. */
class ResultJsonCostSimulationTest {

    static final String CORPUS = "../shared/eventlogs";
    static final String SMALL_LOG = "../shared/eventlogs/apache-spark/spark-events/application_1553914137147_0018";

    private final Sparkwise sparkwise = new Sparkwise();

    /** As {@code --instance m5.xlarge --platform emr --runs-per-day 4}, with the default executor counts. */
    private static AnalysisOptions costedAndSimulated() {
        PriceContext prices = PriceContext.of(PriceCatalog.load(Optional.empty()), Optional.empty(),
                Optional.of("m5.xlarge"), Optional.of("emr"), false);
        return AnalysisOptions.defaults().withPrices(prices, OptionalInt.of(4)).withSimulation(List.of());
    }

    @Test
    void fromJson_everyCorpusLogWithCostAndSimulation_givesEqualResultAndTheSameBytesAgain() {
        AnalysisOptions options = costedAndSimulated();
        List<String> unreadable = new ArrayList<>();
        int costed = 0;
        int simulated = 0;
        int withoutSelfCheck = 0;
        long bytesWithout = 0;
        long bytesWith = 0;
        for (LogInput log : sparkwise.discover(CORPUS)) {
            AnalysisResult result;
            try {
                result = sparkwise.analyze(log, options);
            } catch (SparkwiseException e) {
                unreadable.add(log.name());
                continue;
            }
            String json = ResultJson.toJson(result);
            AnalysisResult back = ResultJson.fromJson(json);

            assertThat(back).as(log.name()).isEqualTo(result);
            assertThat(ResultJson.toJson(back)).as(log.name()).isEqualTo(json);
            costed += result.cost().isPresent() ? 1 : 0;
            simulated += result.simulation().isPresent() ? 1 : 0;
            withoutSelfCheck += result.simulation().filter(w -> w.selfCheck().isEmpty()).isPresent() ? 1 : 0;
            bytesWith += json.getBytes(StandardCharsets.UTF_8).length;
            bytesWithout += ResultJson.toJson(AnalysisResult.of(result.application(), result.analysis()))
                    .getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf("cost and simulation round trips: %d costed, %d simulated (%d without a self-check), "
                + "not read: %s; compact JSON %,d bytes without them, %,d with (+%.1f%%)%n", costed, simulated,
                withoutSelfCheck, unreadable, bytesWithout, bytesWith, 100.0 * (bytesWith - bytesWithout) / bytesWithout);
        assertThat(costed).as("not read: %s", unreadable).isGreaterThan(80);
        // Logs without a successful task have no simulation; most have one.
        assertThat(simulated).isGreaterThan(60);
    }

    @Test
    void toJson_costAndSimulation_areTheObjectsOfTheCostAndSimulateDocuments() {
        AnalysisResult result = sparkwise.analyze(sparkwise.discover(SMALL_LOG).get(0), costedAndSimulated());

        String json = ResultJson.toJson(result);

        assertThat(json).contains(",\"cost\":{\"applicationId\":\"application_1553914137147_0018\","
                        + "\"context\":\"aws m5.xlarge on emr\",\"currency\":\"USD\",\"total\":",
                ",\"simulation\":{\"application\":{\"id\":\"application_1553914137147_0018\",",
                "\"monthly\":{\"runsPerDay\":4,", "\"knee\":true");
        assertThat(json.indexOf("\"cost\":")).isLessThan(json.indexOf("\"simulation\":"));
        assertThat(json.indexOf("\"simulation\":")).isLessThan(json.indexOf("\"lossless\":"));
    }

    @Test
    void toJson_resultWithoutCostOrSimulation_hasNeitherField() {
        AnalysisResult result = sparkwise.analyze(sparkwise.discover(SMALL_LOG).get(0), AnalysisOptions.defaults());

        String json = ResultJson.toJson(result);

        assertThat(json).doesNotContain("\"cost\":", "\"simulation\":");
        assertThat(ResultJson.fromJson(json).cost()).isEmpty();
    }

    @Test
    void fromJson_costWithNumbersJsonHasNoNumberFor_roundTrips() {
        AnalysisResult real = sparkwise.analyze(sparkwise.discover(SMALL_LOG).get(0), AnalysisOptions.defaults());
        CostReport odd = new CostReport("app-1", "aws m5.xlarge on none",
                List.of(new ExecutorCost("1", false, 4, 16_384, 0.5, 1.0, Double.POSITIVE_INFINITY, Double.NaN)),
                Double.NaN, -0.0, Double.NEGATIVE_INFINITY, 0, 1e-300,
                Optional.of(new SpotEstimate(0.1, 0, 0, 0, "x")), Optional.empty(),
                List.of(new FindingSaving("skew.shuffle-read", "a title", 12.5, 0.01)), OptionalInt.empty(),
                List.of(new CostLine("executors", 0.25, "2 x 0.125")), List.of("p = 1"), List.of());
        AnalysisResult result = new AnalysisResult(real.application(), real.analysis(), Optional.of(odd), Optional.empty());

        String json = ResultJson.toJson(result);
        AnalysisResult back = ResultJson.fromJson(json);

        assertThat(back).isEqualTo(result);
        assertThat(ResultJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void fromJson_costWithoutItsLosslessPart_namesWhatIsMissing() {
        AnalysisResult result = sparkwise.analyze(sparkwise.discover(SMALL_LOG).get(0), costedAndSimulated());
        String json = ResultJson.toJson(result);
        int start = json.indexOf(",\"cost\":{\"lines\":");
        int end = json.indexOf("]}", json.indexOf("\"findingTitles\":", start)) + 2;
        String withoutExtras = json.substring(0, start) + json.substring(end);

        assertThatThrownBy(() -> ResultJson.fromJson(withoutExtras))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("not a Sparkwise result: $.lossless.cost: expected a value (the field is missing)");
    }
}
