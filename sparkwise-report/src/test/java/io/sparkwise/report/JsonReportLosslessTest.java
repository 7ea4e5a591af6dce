package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.json.ResultJson;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportLosslessTest {

    private static final String LOG = "../shared/eventlogs/apache-spark/spark-events/application_1553914137147_0018";

    @Test
    void render_lossless_documentReadsBackApplicationByApplication() throws IOException {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover(LOG).get(0));
        AnalyzedApplication analyzed = new AnalyzedApplication(app, Analyzer.withBuiltInRules().analyze(app, Thresholds.defaults()));
        StringWriter report = new StringWriter();
        StringWriter lossless = new StringWriter();

        new JsonReport().render(List.of(analyzed, analyzed), report);
        new JsonReport(ResultJson.Detail.LOSSLESS).render(List.of(analyzed, analyzed), lossless);

        assertThat(report.toString()).doesNotContain("\"lossless\"");
        assertThat(read(lossless.toString())).containsExactly(
                AnalysisResult.of(app, analyzed.analysis()), AnalysisResult.of(app, analyzed.analysis()));
    }

    /** The applications of a report document, as a history server would load them. */
    private static List<AnalysisResult> read(String document) throws IOException {
        List<AnalysisResult> results = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(document)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("applications")) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        results.add(ResultJson.read(parser));
                    }
                }
            }
        }
        return results;
    }
}
