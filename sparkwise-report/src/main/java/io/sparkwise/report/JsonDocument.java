package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

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

    /**
     * Starts a document written piece by piece, for a caller that streams (one application at a
     * time); {@link #end} ends it the way {@link #write} does.
     */
    public static JsonGenerator begin(Writer out) throws IOException {
        return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
    }

    /** Ends a document started with {@link #begin}: the generator closed, a line break, {@code out} flushed. */
    public static void end(JsonGenerator json, Writer out) throws IOException {
        json.close();
        out.write(System.lineSeparator());
        out.flush();
    }

    /**
     * A generator for a part of a document written apart: what it writes is indented as if it were
     * {@code depth} levels deep in a document, so the text can be added to that document with
     * {@link JsonGenerator#writeRawValue(String)} and give the same bytes as writing it in place.
     */
    public static JsonGenerator part(Writer out, int depth) throws IOException {
        return FACTORY.createGenerator(out).setPrettyPrinter(new NestedPrettyPrinter(depth));
    }

    /** The default pretty printer, starting at a given depth. */
    private static final class NestedPrettyPrinter extends DefaultPrettyPrinter {
        NestedPrettyPrinter(int depth) {
            _nesting = depth;
        }
    }

    public static void write(Writer out, Body body) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            body.write(json);
        }
        out.write(System.lineSeparator());
        out.flush();
    }
}
