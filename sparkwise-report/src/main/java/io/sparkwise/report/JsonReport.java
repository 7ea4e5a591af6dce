package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.json.ResultJson;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import static java.util.Objects.requireNonNull;

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

    private final ResultJson.Detail detail;

    /** The report as {@code analyze --format json} prints it. */
    public JsonReport() {
        this(ResultJson.Detail.REPORT);
    }

    /**
     * With {@link ResultJson.Detail#LOSSLESS} each application also carries its {@code lossless}
     * section, so that {@link ResultJson#read} loads it back (docs/json.md, "lossless").
     */
    public JsonReport(ResultJson.Detail detail) {
        this.detail = requireNonNull(detail, "detail is null");
    }

    @Override
    public void render(List<AnalyzedApplication> applications, Writer out) throws IOException {
        JsonDocument.write(out, json -> new Document(json, detail).write(applications));
    }

    /** One document being written: the generator and the writing methods around it. */
    private static final class Document {
        private final JsonGenerator json;
        private final ResultJson.Detail detail;

        Document(JsonGenerator json, ResultJson.Detail detail) {
            this.json = json;
            this.detail = detail;
        }

        void write(List<AnalyzedApplication> applications) throws IOException {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeStringField("generator", "sparkwise " + SparkwiseVersion.get());
            json.writeArrayFieldStart("applications");
            for (AnalyzedApplication application : applications) {
                ResultJson.write(AnalysisResult.of(application.application(), application.analysis()), json, detail);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
