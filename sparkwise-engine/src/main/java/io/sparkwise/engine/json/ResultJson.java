package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/**
 * An {@link AnalysisResult} as JSON and back, for results kept in a database row, a Parquet
 * column or a file (in the manner of Iceberg's {@code *Parser} classes).
 *
 * <p>The JSON is the object the analyze report writes for each application (docs/json.md, each
 * entry of {@code applications}) plus its {@code lossless} section: what the report's fields leave
 * out or round (the per-stage quantile sketches, the Hadoop, system and metrics properties, the
 * SQL metrics' min/max/updates, executor hosts, stage locality, the findings' exact impact and the
 * Java types of their evidence). {@code fromJson(toJson(r))} equals {@code r}, and writing it again
 * gives the same bytes. One writer serves both: {@code JsonReport} calls
 * {@link #write(AnalysisResult, JsonGenerator, Detail)} with {@link Detail#REPORT}.
 *
 * <p>A result's {@link AnalysisResult#cost()} and {@link AnalysisResult#simulation()}, when present,
 * are its {@code cost} and {@code simulation} objects: the fields of {@code sparkwise cost} and
 * {@code sparkwise simulate --format json}, written by the same {@link CostJson} and
 * {@link WhatIfJson}, with what those fields leave out in the lossless section.
 *
 * <p>Strings from logs may hold anything: control characters are escaped as JSON requires, and
 * every UTF-16 surrogate is written as a JSON escape (backslash, u, four hex digits), so a lone
 * surrogate (a name cut in the middle of an emoji) survives the round trip and the text is valid
 * UTF-8 wherever it goes.
 */
public final class ResultJson {

    /** How much of a result to write. */
    public enum Detail {
        /** The fields of the analyze report only (docs/json.md): what {@code sparkwise analyze --format json} prints. */
        REPORT,
        /** The report's fields and the {@code lossless} section: what {@link #fromJson(String)} needs. */
        LOSSLESS
    }

    /** The quantiles of each stage's {@code taskSummary}, as the History Server's default. */
    static final double[] QUANTILES = {0.0, 0.25, 0.5, 0.75, 1.0};

    static final String LOSSLESS = "lossless";

    /** Plans nest deep (a union of hundreds of scans): room beyond Jackson's default of 1000 levels. */
    private static final int MAX_NESTING = 10_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    private ResultJson() {
    }

    /** {@code result} as one line of JSON, with the lossless section. */
    public static String toJson(AnalysisResult result) {
        requireNonNull(result, "result is null");
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setCharacterEscapes(SurrogateEscapes.INSTANCE);
            write(result, json, Detail.LOSSLESS);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Writes {@code result} as one JSON object with {@code json}, which may be in the middle of a
     * larger document (the analyze report's {@code applications} array).
     */
    public static void write(AnalysisResult result, JsonGenerator json, Detail detail) throws IOException {
        requireNonNull(result, "result is null");
        requireNonNull(json, "json is null");
        new ResultWriter(json, requireNonNull(detail, "detail is null")).write(result);
    }

    /**
     * The result {@link #toJson(AnalysisResult)} wrote.
     *
     * @throws SparkwiseException ({@link ErrorCode#MALFORMED_INPUT}) when {@code json} is not such
     *     a result: bad JSON, a missing or mistyped field (the message names its path), or no
     *     lossless section (a report of {@code sparkwise analyze} is not enough to rebuild one)
     */
    public static AnalysisResult fromJson(String json) {
        requireNonNull(json, "json is null");
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            AnalysisResult result = read(parser);
            if (parser.nextToken() != null) {
                throw JsonTree.malformed("$", "one object and nothing after it");
            }
            return result;
        } catch (JsonProcessingException e) {
            throw new SparkwiseException(ErrorCode.MALFORMED_INPUT, "not a Sparkwise result: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /**
     * Reads one result object at the parser's current token (a {@code START_OBJECT}), leaving the
     * parser on its {@code END_OBJECT}: for results inside a larger document.
     *
     * @throws SparkwiseException as {@link #fromJson(String)}
     * @throws IOException when the parser's input fails
     */
    public static AnalysisResult read(JsonParser parser) throws IOException {
        requireNonNull(parser, "parser is null");
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTree.malformed("$", "an object");
        }
        Object tree = JsonTree.read(parser, "$");
        try {
            return new ResultReader(JsonTree.asObject(tree, "$")).read();
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record of the model refused a value (a negative impact, a bad sketch): the input's fault.
            throw new SparkwiseException(ErrorCode.MALFORMED_INPUT, "not a Sparkwise result: " + e.getMessage(), e);
        }
    }

    /** Escapes UTF-16 surrogates, paired or not, as JSON escapes: lossless, and always encodable. */
    private static final class SurrogateEscapes extends CharacterEscapes {
        static final SurrogateEscapes INSTANCE = new SurrogateEscapes();
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Character.isSurrogate((char) ch)) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}
