package io.sparkwise.report.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.Simulator;
import io.sparkwise.simulator.WhatIf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** simulate's text, JSON and HTML on the Databricks corpus log (8 executors x 32 cores, 1.7 h). */
class SimulationRenderersTest {

    static final String DATABRICKS = "../shared/eventlogs/spark-log-parser/databricks-rollover";

    private static WhatIf whatIf;
    private static WhatIf fixedOnly;

    @BeforeAll
    static void simulate() {
        EventLogReader reader = new EventLogReader();
        Simulator simulator = Simulator.of(reader.read(reader.discover(DATABRICKS).get(0)));
        List<ClusterOption> options = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16}) {
            options.add(ClusterOption.fixed(n, 32));
        }
        fixedOnly = simulator.whatIf(options);
        options.add(ClusterOption.dynamic(0, 16, 32));
        whatIf = simulator.whatIf(options);
    }

    private static String render(SimulationFormat format) throws IOException {
        return render(format, whatIf);
    }

    private static String render(SimulationFormat format, WhatIf what) throws IOException {
        StringWriter out = new StringWriter();
        format.renderer().render(what, out);
        return out.toString();
    }

    @Test
    void json_options_carryExecutorsAndPredictedWallTimeAndOneKnee() throws IOException {
        JsonNode json = new ObjectMapper().readTree(render(SimulationFormat.JSON));

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/asRun/executors").asInt()).isEqualTo(8);
        assertThat(json.at("/asRun/coresPerExecutor").asInt()).isEqualTo(32);
        assertThat(json.at("/selfCheck/realWallTimeMs").asLong()).isEqualTo(whatIf.selfCheck().orElseThrow().realWallTimeMs());
        List<Integer> executors = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        List<Boolean> knees = new ArrayList<>();
        json.get("options").forEach(o -> {
            executors.add(o.get("executors").asInt());
            wall.add(o.get("predictedWallTimeMs").asLong());
            knees.add(o.get("knee").asBoolean());
        });
        assertThat(executors).containsExactly(1, 2, 4, 8, 16, 0);
        assertThat(wall).containsExactlyElementsOf(whatIf.options().stream().map(r -> r.predictedWallTimeMs()).toList());
        assertThat(knees).containsOnlyOnce(true);
        assertThat(knees.indexOf(true)).isEqualTo(whatIf.knee().getAsInt());
        assertThat(json.at("/options/5/dynamicAllocation/maxExecutors").asInt()).isEqualTo(16);
        assertThat(json.at("/options/0/dynamicAllocation").isMissingNode()).isTrue();
    }

    @Test
    void json_moreExecutors_neverPredictSlowerAndNeverBelowTheUnboundedFloor() throws IOException {
        JsonNode json = new ObjectMapper().readTree(render(SimulationFormat.JSON));
        long floor = json.get("unboundedWallTimeMs").asLong();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long wall = json.at("/options/" + i + "/predictedWallTimeMs").asLong();
            assertThat(wall).isLessThanOrEqualTo(previous).isGreaterThanOrEqualTo(floor);
            previous = wall;
        }
    }

    @Test
    void text_table_marksTheKneeRowAndNamesTheSerialPart() throws IOException {
        String text = render(SimulationFormat.TEXT);
        String kneeLabel = whatIf.options().get(whatIf.knee().getAsInt()).label();

        assertThat(text).contains("As run: 8 executors x 32 cores", "Self-check on the executors it had: predicted ",
                "No cluster size runs it faster than ");
        assertThat(text.lines().filter(l -> l.endsWith("<- knee")).toList())
                .singleElement().asString().startsWith("  " + kneeLabel + " ");
        assertThat(text).contains("dynamic 0..16 x 32 cores");
    }

    @Test
    void knee_dynamicAllocation_isAsFastAsFourExecutorsForAFractionOfTheCoreHours() {
        // 1.7-1.8 h either way; dynamic allocation holds executors only while tasks wait.
        assertThat(whatIf.options().get(whatIf.knee().getAsInt()).option().isDynamic()).isTrue();
        assertThat(fixedOnly.options().get(fixedOnly.knee().getAsInt()).label()).isEqualTo("4 x 32 cores");
    }

    @Test
    void html_page_hasBothChartsWithOnePointPerFixedOptionAndTheKneeMarked() throws IOException {
        String html = render(SimulationFormat.HTML, fixedOnly);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("data-chart=\"simulation-wall-time\"",
                "data-chart=\"simulation-executor-hours\"", "id=\"simulation-options\"");
        // 5 fixed options x 2 charts.
        assertThat(html.split("<circle class=\"mark", -1)).hasSize(11);
        // The dashed line in each chart and the table row.
        assertThat(html.split("class=\"knee\"", -1)).hasSize(4);
        assertThat(html).contains("<circle class=\"mark knee-point\"").contains("<title>4 x 32 cores: wall time ");
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "url(http");
    }
}
