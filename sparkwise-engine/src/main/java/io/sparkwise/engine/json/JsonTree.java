package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * A JSON value read into plain Java objects (objects as {@link LinkedHashMap}s in the document's
 * order, arrays as lists, integers as Long, other numbers as Double), and typed access to the
 * fields of an object with the path of each field for the error message. One application's result
 * is at most a few megabytes, so a tree is simpler than streaming and costs little.
 */
final class JsonTree {

    private JsonTree() {
    }

    /** The value the parser is at (its current token already read). */
    static Object read(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw malformed(path, "a JSON value, not the end of the input");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser, path + "." + name));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "[" + array.size() + "]"));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw malformed(path, "a number that fits in a long, not " + parser.getText());
                }
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw malformed(path, "a JSON value, not " + token);
        }
    }

    static SparkwiseException malformed(String path, String expected) {
        return new SparkwiseException(ErrorCode.MALFORMED_INPUT, "not a Sparkwise result: " + path + ": expected " + expected);
    }

    static Object requireValue(Object value, String path) {
        if (value == null) {
            throw malformed(path, "a value, not null");
        }
        return value;
    }

    static long asLong(Object value, String path) {
        if (value instanceof Long l) {
            return l;
        }
        throw malformed(path, "a whole number");
    }

    static String asString(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        throw malformed(path, "a string");
    }

    static List<?> asList(Object value, String path) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw malformed(path, "an array");
    }

    @SuppressWarnings("unchecked")
    static Obj asObject(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return new Obj((Map<String, Object>) map, path);
        }
        throw malformed(path, "an object");
    }

    /** An object's fields, each read as the type the caller expects. */
    static final class Obj {
        private final Map<String, Object> fields;
        private final String path;

        Obj(Map<String, Object> fields, String path) {
            this.fields = fields;
            this.path = path;
        }

        String path() {
            return path;
        }

        String path(String name) {
            return path + "." + name;
        }

        boolean has(String name) {
            return fields.get(name) != null;
        }

        Map<String, Object> fields() {
            return fields;
        }

        Object required(String name) {
            Object value = fields.get(name);
            if (value == null) {
                throw malformed(path(name), "a value (the field is missing)");
            }
            return value;
        }

        String string(String name) {
            return asString(required(name), path(name));
        }

        Optional<String> optString(String name) {
            return has(name) ? Optional.of(string(name)) : Optional.empty();
        }

        long longValue(String name) {
            return asLong(required(name), path(name));
        }

        int intValue(String name) {
            long value = longValue(name);
            if (value != (int) value) {
                throw malformed(path(name), "a whole number that fits in an int, not " + value);
            }
            return (int) value;
        }

        OptionalLong optLong(String name) {
            return has(name) ? OptionalLong.of(longValue(name)) : OptionalLong.empty();
        }

        double doubleValue(String name) {
            Object value = required(name);
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            throw malformed(path(name), "a number");
        }

        /**
         * A double as the generator wrote it: a number, or the text Jackson writes for a value JSON
         * has no number for ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}).
         */
        double exactDouble(String name) {
            Object value = required(name);
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            if (value instanceof String text) {
                switch (text) {
                    case "NaN" -> {
                        return Double.NaN;
                    }
                    case "Infinity" -> {
                        return Double.POSITIVE_INFINITY;
                    }
                    case "-Infinity" -> {
                        return Double.NEGATIVE_INFINITY;
                    }
                    default -> {
                        // not a number: the message below
                    }
                }
            }
            throw malformed(path(name), "a number");
        }

        boolean bool(String name) {
            if (required(name) instanceof Boolean b) {
                return b;
            }
            throw malformed(path(name), "true or false");
        }

        Obj object(String name) {
            return asObject(required(name), path(name));
        }

        Optional<Obj> optObject(String name) {
            return has(name) ? Optional.of(object(name)) : Optional.empty();
        }

        List<?> list(String name) {
            return asList(required(name), path(name));
        }

        /** The elements of array {@code name} that are objects, with their paths. */
        List<Obj> objects(String name) {
            List<?> array = list(name);
            List<Obj> objects = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                objects.add(asObject(array.get(i), path(name) + "[" + i + "]"));
            }
            return objects;
        }

        List<String> strings(String name) {
            List<?> array = list(name);
            List<String> strings = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                strings.add(asString(array.get(i), path(name) + "[" + i + "]"));
            }
            return strings;
        }

        List<Integer> ints(String name) {
            List<?> array = list(name);
            List<Integer> ints = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                long value = asLong(array.get(i), path(name) + "[" + i + "]");
                if (value != (int) value) {
                    throw malformed(path(name) + "[" + i + "]", "a whole number that fits in an int");
                }
                ints.add((int) value);
            }
            return ints;
        }

        long[] longs(String name) {
            List<?> array = list(name);
            long[] longs = new long[array.size()];
            for (int i = 0; i < longs.length; i++) {
                longs[i] = asLong(array.get(i), path(name) + "[" + i + "]");
            }
            return longs;
        }

        /** An object of string values, in the document's order. */
        Map<String, String> stringMap(String name) {
            return map(name, Obj::string);
        }

        /** An object of whole numbers, in the document's order. */
        Map<String, Long> longMap(String name) {
            return map(name, Obj::longValue);
        }

        Map<String, Integer> intMap(String name) {
            return map(name, Obj::intValue);
        }

        /** The object {@code name}, each of its values read by {@code value}, in the document's order. */
        private <V> Map<String, V> map(String name, BiFunction<Obj, String, V> value) {
            Obj object = object(name);
            Map<String, V> map = new LinkedHashMap<>();
            for (String key : object.fields.keySet()) {
                map.put(key, value.apply(object, key));
            }
            return map;
        }

        /** An array of [key, value] string pairs, in the document's order. */
        Map<String, String> pairs(String name) {
            List<?> array = list(name);
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < array.size(); i++) {
                String at = path(name) + "[" + i + "]";
                List<?> pair = asList(array.get(i), at);
                if (pair.size() != 2) {
                    throw malformed(at, "a [key, value] pair");
                }
                map.put(asString(pair.get(0), at + "[0]"), asString(pair.get(1), at + "[1]"));
            }
            return map;
        }
    }
}
