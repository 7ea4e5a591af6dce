package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.json.ResultJson;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON report, documented field by field in {@code docs/json.md}. Written with jackson-core's
 * streaming generator alone: no databind, so the CLI starts fast and the field order is exactly
 * the order of the code.
 *
 * <p>This class writes the document (schema version, generator, the {@code applications} array);
 * each application's object is written by the engine's {@link ResultJson}, the same writer that
 * stores results to be read back, so the fields of the report and of a stored result are one.
 */
public final class JsonReport implements Renderer {

    /** Bumped on renames and removals only; additions keep it (see docs/json.md). */
    public static final int SCHEMA_VERSION = 1;

    @Override
    public void render(List<AnalyzedApplication> applications, Writer out) throws IOException {
        JsonDocument.write(out, json -> new Document(json).write(applications));
    }

    /** One document being written: the generator and the writing methods around it. */
    private static final class Document {
        private final JsonGenerator json;

        Document(JsonGenerator json) {
            this.json = json;
        }

        void write(List<AnalyzedApplication> applications) throws IOException {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeStringField("generator", "sparkwise " + SparkwiseVersion.get());
            json.writeArrayFieldStart("applications");
            for (AnalyzedApplication application : applications) {
                ResultJson.write(AnalysisResult.of(application.application(), application.analysis()), json,
                        ResultJson.Detail.REPORT);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
