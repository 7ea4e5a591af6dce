package io.sparkwise.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes one pretty-printed JSON document, the way every JSON output of Sparkwise ends: a line
 * break after it, {@code out} flushed but never closed (it may be the terminal).
 *
 * <p>Strings from event logs are made safe here, once for every JSON document: a lone surrogate
 * (Jackson writes it as it is, and no UTF-8 encoder can) becomes U+FFFD, and besides the C0
 * controls Jackson always escapes, DEL, C1 controls, U+2028/U+2029 and bidirectional overrides
 * are written as &#92;uXXXX escapes (see {@link SafeText#isControl}), so a JSON report shown
 * with {@code cat} cannot drive the terminal.
 */
public final class JsonDocument {

    /** Writes the document's content with the generator it is given. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .characterEscapes(new ControlEscapes())
            .build();

    private JsonDocument() {
    }

    /**
     * Starts a document written piece by piece, for a caller that streams (one application at a
     * time); {@link #end} ends it the way {@link #write} does.
     */
    public static JsonGenerator begin(Writer out) throws IOException {
        return new WellFormedStrings(FACTORY.createGenerator(out)).useDefaultPrettyPrinter();
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
        return new WellFormedStrings(FACTORY.createGenerator(out)).setPrettyPrinter(new NestedPrettyPrinter(depth));
    }

    /** The default pretty printer, starting at a given depth. */
    private static final class NestedPrettyPrinter extends DefaultPrettyPrinter {
        NestedPrettyPrinter(int depth) {
            _nesting = depth;
        }
    }

    public static void write(Writer out, Body body) throws IOException {
        try (JsonGenerator json = new WellFormedStrings(FACTORY.createGenerator(out)).useDefaultPrettyPrinter()) {
            body.write(json);
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    /** Replaces lone surrogates in every string and field name on their way to the generator. */
    private static final class WellFormedStrings extends JsonGeneratorDelegate {
        WellFormedStrings(JsonGenerator json) {
            super(json, false);
        }

        @Override
        public void writeString(String text) throws IOException {
            super.writeString(text == null ? null : SafeText.wellFormed(text));
        }

        @Override
        public void writeString(char[] text, int offset, int len) throws IOException {
            writeString(new String(text, offset, len));
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            super.writeFieldName(SafeText.wellFormed(name));
        }
    }

    /** Jackson's standard escapes, plus a &#92;uXXXX escape for every other {@link SafeText#isControl} character. */
    private static final class ControlEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            if (!SafeText.isControl(c)) {
                return null;
            }
            // Upper-case hex, as Jackson writes its own escapes of C0 controls.
            return new SerializedString(String.format(Locale.ROOT, "\\u%04X", c));
        }
    }
}
