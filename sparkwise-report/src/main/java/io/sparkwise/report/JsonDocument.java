package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes one pretty-printed JSON document, the way every JSON output of Sparkwise ends: a line
 * break after it, {@code out} flushed but never closed (it may be the terminal).
 */
public final class JsonDocument {

    /** Writes the document's content with the generator it is given. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonDocument() {
    }

    public static void write(Writer out, Body body) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            body.write(json);
        }
        out.write(System.lineSeparator());
        out.flush();
    }
}
