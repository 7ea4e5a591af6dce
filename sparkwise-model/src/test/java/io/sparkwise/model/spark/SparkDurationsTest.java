package io.sparkwise.model.spark;

import static java.util.concurrent.TimeUnit.DAYS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases follow Spark's JavaUtils.timeStringAs (TimeUnit.convert: truncating, saturating). */
class SparkDurationsTest {

    @Test
    void parse_everySuffixSparkKnows_inTheRequestedUnit() {
        assertThat(SparkDurations.parse("250us", MILLISECONDS)).hasValue(0L);
        assertThat(SparkDurations.parse("1500us", MILLISECONDS)).hasValue(1L);
        assertThat(SparkDurations.parse("500ms", MILLISECONDS)).hasValue(500L);
        assertThat(SparkDurations.parse("60s", MILLISECONDS)).hasValue(60_000L);
        assertThat(SparkDurations.parse("2m", SECONDS)).hasValue(120L);
        assertThat(SparkDurations.parse("2min", SECONDS)).hasValue(120L);
        assertThat(SparkDurations.parse("1h", SECONDS)).hasValue(3_600L);
        assertThat(SparkDurations.parse("1d", SECONDS)).hasValue(86_400L);
        assertThat(SparkDurations.parse(" 60S ", SECONDS)).hasValue(60L);
    }

    @Test
    void parse_plainNumber_isInTheUnitTheSettingIsReadIn() {
        assertThat(SparkDurations.parse("3", SECONDS)).hasValue(3L);
        assertThat(SparkDurations.parse("3", MILLISECONDS)).hasValue(3L);
        assertThat(SparkDurations.parseMs("3", SECONDS)).hasValue(3_000L);
        assertThat(SparkDurations.parseMs("3", MILLISECONDS)).hasValue(3L);
    }

    @Test
    void parseMs_settingReadInSeconds_truncatesToWholeSecondsFirst() {
        // spark.dynamicAllocation.executorIdleTimeout is timeConf(SECONDS): 1500ms is 1 s in Spark.
        assertThat(SparkDurations.parseMs("1500ms", SECONDS)).hasValue(1_000L);
        assertThat(SparkDurations.parseMs("999ms", SECONDS)).hasValue(0L);
        assertThat(SparkDurations.parseMs("1500ms", MILLISECONDS)).hasValue(1_500L);
        assertThat(SparkDurations.parseMs("-1", SECONDS)).hasValue(-1_000L); // Spark parses it; checkValue rejects it later
    }

    @Test
    void parse_decimalsSpacesAndUnknownSuffixes_areEmptyAsSparkThrows() {
        for (String bad : new String[] {"1.5s", "0.5", "1.5", "60 s", "5 fortnights", "5w", "5sec", "soon", "s", "", " ", "+5s"}) {
            assertThat(SparkDurations.parse(bad, SECONDS)).as(bad).isEmpty();
        }
        assertThat(SparkDurations.parse(null, SECONDS)).isEmpty();
        assertThat(SparkDurations.parse("99999999999999999999s", SECONDS)).isEmpty(); // Long.parseLong throws
    }

    @Test
    void parse_beyondTheUnitsRange_saturatesLikeTimeUnitConvert() {
        assertThat(SparkDurations.parse("9223372036854775807d", MILLISECONDS)).hasValue(Long.MAX_VALUE);
        assertThat(SparkDurations.parse("-9223372036854775807d", MILLISECONDS)).hasValue(Long.MIN_VALUE);
        assertThat(SparkDurations.parse("1d", DAYS)).hasValue(1L);
    }
}
