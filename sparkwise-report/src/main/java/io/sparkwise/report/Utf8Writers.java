package io.sparkwise.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * UTF-8 writers that never fail on what they are given. {@link Files#newBufferedWriter} encodes
 * with {@link CodingErrorAction#REPORT}: one lone surrogate in one application's name (Jackson
 * decodes them from "&#92;ud800" escapes and from encoded surrogates) threw
 * {@code MalformedInputException} and lost the report of every application in the run. These
 * write U+FFFD in its place, the character a UTF-8 decoder shows for a bad sequence (the JDK's
 * default replacement would be a bare {@code ?}). Renderers already replace lone surrogates
 * with {@link SafeText}; this is the last line of defense for anything that reaches a file or
 * the terminal.
 */
public final class Utf8Writers {

    /** U+FFFD in UTF-8. */
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private Utf8Writers() {
    }

    /** A writer on {@code out} (not buffered beyond the encoder's own buffer; not closing {@code out} is up to the caller). */
    public static Writer of(OutputStream out) {
        return new OutputStreamWriter(out, encoder());
    }

    /** A buffered writer on a new or truncated {@code file}, as {@link Files#newBufferedWriter(Path, java.nio.file.OpenOption...)}. */
    public static BufferedWriter newFile(Path file) throws IOException {
        return new BufferedWriter(of(Files.newOutputStream(file)));
    }

    private static CharsetEncoder encoder() {
        return StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT);
    }
}
