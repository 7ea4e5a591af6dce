package io.sparkwise.decide.run;

import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cost and time arithmetic of every option on a described workload, with the shipped catalog's prices. */
class DeciderTest {

    static final long TIB = 1024L * 1024 * 1024 * 1024;

    static Decider decider() {
        Properties curves = new Properties();
        curves.setProperty("duckdb.scan.bytesPerCoreSecond", "100000000");
        curves.setProperty("spark.scan.bytesPerCoreSecond", "10000000");
        PriceCatalog catalog = PriceCatalog.shipped();
        return new Decider(catalog, new EngineCurves(curves), catalog.instance(Optional.empty(), "m6i.xlarge"),
                catalog.instance(Optional.empty(), "m6i.4xlarge"), 64, "M", 8);
    }

    static RunOption option(Decision d, String prefix) {
        return d.options().stream().filter(o -> o.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void decide_logThatReadAndShuffledNothing_comparesOnlySparkAndSaysWhy() {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover("../shared/eventlogs/apache-spark/spark-events/app-20161115172038-0000").get(0));
        MeasuredRun run = MeasuredRun.of(app);

        Decision d = decider().decide(new Workload(run.tax().dataVolumeBytes(), QueryShape.SCAN, 1, 1, OptionalDouble.empty(), Optional.of(run)));

        assertThat(option(d, "one machine").costPerRun()).isEmpty();
        assertThat(option(d, "one machine").seconds()).isEmpty();
        assertThat(option(d, "BigQuery").costPerRun()).isEmpty();
        assertThat(option(d, "one machine").assumptions()).containsExactly(Decider.NO_DATA_VOLUME);
        assertThat(d.recommended().orElseThrow().name()).startsWith("Spark");
        assertThat(d.reasoning()).contains("The log read no input files and shuffled nothing (data made in memory or read from a "
                + "non-file source): the other engines cannot be sized from it; describe the data with --data-size instead of --from-log to compare them.");
    }

    @Test
    void decide_describedWorkload_pricesEveryOptionByHand() {
        // 1.6e11 bytes, scan, 10 runs a day.
        Decision d = decider().decide(new Workload(160_000_000_000L, QueryShape.SCAN, 10, 1, OptionalDouble.empty(), Optional.empty()));

        // One m6i.4xlarge (16 vCPU, 4 x 0.192 = 0.768 $/h): 1.6e11 / (1e8 x 16) = 100 s; 100 / 3600 x 0.768 = $0.021333.
        RunOption single = option(d, "one machine");
        assertThat(single.seconds().getAsDouble()).isCloseTo(100, within(1e-9));
        assertThat(single.costPerRun().getAsDouble()).isCloseTo(0.0213333, within(1e-6));
        assertThat(single.monthlyCost(10).getAsDouble()).isCloseTo(6.4, within(1e-6));
        // Spark, 64 cores at m6i.xlarge 0.192 / 4 = 0.048 $/core-h: 1.6e11 / (1e7 x 64) = 250 s; 250 / 3600 x 64 x 0.048 = $0.213333.
        RunOption spark = option(d, "Spark cluster");
        assertThat(spark.seconds().getAsDouble()).isCloseTo(250, within(1e-9));
        assertThat(spark.costPerRun().getAsDouble()).isCloseTo(0.2133333, within(1e-6));
        // BigQuery: 1.6e11 / 2^40 TiB x 6.25 = $0.909495. Athena: 1.6e11 / 1e12 TB x 5.00 = $0.80.
        assertThat(option(d, "BigQuery").costPerRun().getAsDouble()).isCloseTo(160_000_000_000.0 / TIB * 6.25, within(1e-9));
        assertThat(option(d, "BigQuery").seconds()).isEmpty();
        assertThat(option(d, "Athena").costPerRun().getAsDouble()).isCloseTo(0.80, within(1e-9));
        // Snowflake M: 4 credits/h x $2 x 100 s = $0.222222. Redshift 8 RPU x 0.375 x 100 s = $0.083333.
        assertThat(option(d, "Snowflake").costPerRun().getAsDouble()).isCloseTo(4 * 2.0 * 100 / 3600, within(1e-9));
        assertThat(option(d, "Redshift").costPerRun().getAsDouble()).isCloseTo(8 * 0.375 * 100 / 3600, within(1e-9));
        assertThat(option(d, "Databricks SQL").costPerRun()).isEmpty();
        assertThat(d.recommended()).contains(single);
        assertThat(d.reasoning().get(0)).startsWith("one machine, embedded engine (m6i.4xlarge) is the cheapest option: $6.40 a month at 10 runs a day, 10.0x less than Spark cluster, 64 cores");
    }

    @Test
    void decide_latencyTargetTheMachineMisses_recommendsAnOptionThatMeetsIt() {
        // 90 s target: the machine needs 100 s; Spark needs 250 s; Snowflake and Redshift are assumed at 100 s too.
        Decision d = decider().decide(new Workload(160_000_000_000L, QueryShape.SCAN, 1, 1, OptionalDouble.of(90), Optional.empty()));

        assertThat(d.recommended()).isEmpty();
        assertThat(d.reasoning()).contains("No priced option meets the latency target with a predicted time.");
    }

    @Test
    void decide_tinyScanOnAthena_billsTheMinimum() {
        Decision d = decider().decide(new Workload(1_000, QueryShape.SCAN, 1, 1, OptionalDouble.empty(), Optional.empty()));

        // 10 MB minimum per query: 1e7 / 1e12 x 5.00 = $0.00005.
        assertThat(option(d, "Athena").costPerRun().getAsDouble()).isCloseTo(0.00005, within(1e-12));
    }

    @Test
    void queryShape_parse_acceptsIssueNamesAndRejectsOthers() {
        assertThat(QueryShape.parse("aggregate")).isEqualTo(QueryShape.SCAN);
        assertThat(QueryShape.parse("ml")).isEqualTo(QueryShape.WINDOW);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QueryShape.parse("graph"))
                .hasMessage("unknown query shape 'graph' (expected scan, aggregate, join, window or ml)");
    }
}
