package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evidence values (docs/json.md, "lossless.findings"): rules put Java numbers, text, booleans and
 * lists in a finding's evidence. The report writes each as a plain JSON value, which reads back
 * as a Long, a Double, a Boolean or a String; any other value is also written typed in the
 * lossless section, as a one-field object naming its type: {@code {"int": 5}},
 * {@code {"list": ["a", {"int": 2}]}}, {@code {"double": "NaN"}}.
 */
final class EvidenceValues {

    private EvidenceValues() {
    }

    /** True when the report's plain JSON value of {@code value} reads back as an equal object. */
    static boolean readsBackAsIs(Object value) {
        return value instanceof Long || value instanceof String || value instanceof Boolean
                || (value instanceof Double d && Double.isFinite(d));
    }

    static void writeTyped(JsonGenerator json, Object value) throws IOException {
        if (readsBackAsIs(value)) {
            plain(json, value);
            return;
        }
        json.writeStartObject();
        if (value instanceof Integer i) {
            json.writeNumberField("int", i);
        } else if (value instanceof Short s) {
            json.writeNumberField("short", s);
        } else if (value instanceof Byte b) {
            json.writeNumberField("byte", b);
        } else if (value instanceof Double d) {
            json.writeStringField("double", Double.toString(d));
        } else if (value instanceof Float f) {
            json.writeStringField("float", Float.toString(f));
        } else if (value instanceof List<?> list) {
            json.writeArrayFieldStart("list");
            for (Object element : list) {
                writeTyped(json, element);
            }
            json.writeEndArray();
        } else {
            // A type no rule uses today: kept as its text rather than failing the whole result.
            json.writeStringField("string", String.valueOf(value));
        }
        json.writeEndObject();
    }

    private static void plain(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString((String) value);
        }
    }

    /** The value {@link #writeTyped} wrote, from its JSON tree. */
    static Object readTyped(Object tree, String path) {
        if (!(tree instanceof Map<?, ?> tagged)) {
            if (tree instanceof List<?>) {
                throw JsonTree.malformed(path, "a typed evidence value, not an array");
            }
            return JsonTree.requireValue(tree, path);
        }
        if (tagged.size() != 1) {
            throw JsonTree.malformed(path, "one type and its value");
        }
        Map.Entry<?, ?> entry = tagged.entrySet().iterator().next();
        Object v = entry.getValue();
        try {
            return switch ((String) entry.getKey()) {
                case "int" -> Math.toIntExact(JsonTree.asLong(v, path));
                case "short" -> (short) Math.toIntExact(JsonTree.asLong(v, path));
                case "byte" -> (byte) Math.toIntExact(JsonTree.asLong(v, path));
                case "double" -> Double.parseDouble(JsonTree.asString(v, path));
                case "float" -> Float.parseFloat(JsonTree.asString(v, path));
                case "string" -> JsonTree.asString(v, path);
                case "list" -> {
                    List<Object> elements = new ArrayList<>();
                    List<?> array = JsonTree.asList(v, path);
                    for (int i = 0; i < array.size(); i++) {
                        elements.add(readTyped(array.get(i), path + "[" + i + "]"));
                    }
                    yield elements;
                }
                default -> throw JsonTree.malformed(path, "a known type, not '" + entry.getKey() + "'");
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw JsonTree.malformed(path, "a value of type " + entry.getKey());
        }
    }
}
