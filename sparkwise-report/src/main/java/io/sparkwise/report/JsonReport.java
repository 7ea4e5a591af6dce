package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.json.ResultJson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

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

    /** How deep an application's object is in the document: in the root object's "applications" array. */
    private static final int APPLICATION_DEPTH = 1;

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

    /**
     * Streams the document: each application's object is flushed to {@code out} as soon as it is
     * written. It is written apart first, so one that fails leaves the document as it was.
     */
    @Override
    public Renderer.Document begin(Writer out) throws IOException {
        JsonGenerator json = JsonDocument.begin(out);
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("generator", "sparkwise " + SparkwiseVersion.get());
        json.writeArrayFieldStart("applications");
        return new Renderer.Document() {
            @Override
            public void application(AnalyzedApplication application) throws IOException {
                StringWriter part = new StringWriter();
                try (JsonGenerator partJson = JsonDocument.part(part, APPLICATION_DEPTH)) {
                    ResultJson.write(AnalysisResult.of(application.application(), application.analysis()), partJson,
                            detail);
                }
                json.writeRawValue(part.toString());
                json.flush();
            }

            @Override
            public void end() throws IOException {
                json.writeEndArray();
                json.writeEndObject();
                JsonDocument.end(json, out);
            }
        };
    }
}
