package io.sparkwise.agent;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    @Test
    void sample_labelValueWithQuoteBackslashAndNewline_escapedAndReadBack() {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("job", "a \"quoted\" \\ job\nname");
        common.put("app_id", "app-1");
        String text = new PrometheusText(common).family("sparkwise_x_total", "counter", "Help with \\ and\nnewline.")
                .sample("sparkwise_x_total", Map.of("rule", "skew.input"), 3).toString();

        assertThat(text).contains("job=\"a \\\"quoted\\\" \\\\ job\\nname\"")
                .contains("# HELP sparkwise_x_total Help with \\\\ and\\nnewline.");
        List<PrometheusParser.Sample> samples = PrometheusParser.parse(text);
        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("job", "a \"quoted\" \\ job\nname").containsEntry("rule", "skew.input");
            assertThat(s.value()).isEqualTo(3);
        });
    }

    @Test
    void format_integersFractionsAndSpecials_asTheFormatSpellsThem() {
        assertThat(PrometheusText.format(42)).isEqualTo("42");
        assertThat(PrometheusText.format(1.5)).isEqualTo("1.5");
        assertThat(PrometheusText.format(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusText.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void render_freshMetrics_parsesWithEveryFamilyTyped() {
        AgentMetrics metrics = new AgentMetrics(() -> 0);
        metrics.identity("etl", "app-1");

        List<PrometheusParser.Sample> samples = PrometheusParser.parse(metrics.render());

        assertThat(samples).extracting(PrometheusParser.Sample::name).contains("sparkwise_tasks_total",
                "sparkwise_agent_queue_depth", "sparkwise_agent_events_dropped_total",
                "sparkwise_agent_event_processing_seconds_count", "sparkwise_agent_event_processing_seconds_sum");
        assertThat(samples).allSatisfy(s -> assertThat(s.labels()).containsEntry("job", "etl")
                .containsEntry("app_id", "app-1"));
    }
}
