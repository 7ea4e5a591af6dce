package io.sparkwise.eventlog.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A minimal JSON tree (maps, lists, strings, longs, doubles, booleans) and null-safe accessors
 * named after what Spark's JsonProtocol writes. Kept deliberately small: no databind, no
 * reflection, so the CLI starts fast.
 */
public final class JsonAccess {

    private JsonAccess() {
    }

    /** Reads the value at the parser's current token. */
    public static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List ? (List<Object>) v : List.of();
    }

    public static boolean has(Map<String, Object> m, String key) {
        return m != null && m.get(key) != null;
    }

    public static String str(Map<String, Object> m, String key, String fallback) {
        Object v = m == null ? null : m.get(key);
        return v == null ? fallback : v.toString();
    }

    public static Optional<String> optStr(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    public static long lng(Map<String, Object> m, String key, long fallback) {
        Object v = m == null ? null : m.get(key);
        return toLong(v, fallback);
    }

    public static OptionalLong optLng(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        long parsed = toLong(v, Long.MIN_VALUE);
        return parsed == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(parsed);
    }

    public static int integer(Map<String, Object> m, String key, int fallback) {
        return (int) lng(m, key, fallback);
    }

    public static boolean bool(Map<String, Object> m, String key, boolean fallback) {
        Object v = m == null ? null : m.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return Boolean.parseBoolean(s);
        }
        return fallback;
    }

    public static double dbl(Map<String, Object> m, String key, double fallback) {
        Object v = m == null ? null : m.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    public static long toLong(Object v, long fallback) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Number n) {
            return (long) n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** A JSON object of string values (properties, log URLs) as an ordered map. */
    public static Map<String, String> stringMap(Map<String, Object> m, String key) {
        Map<String, Object> o = obj(m, key);
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            o.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        }
        return out;
    }

    /** A list of numbers as ints. */
    public static List<Integer> intList(Map<String, Object> m, String key) {
        List<Integer> out = new ArrayList<>();
        for (Object o : list(m, key)) {
            long v = toLong(o, Long.MIN_VALUE);
            if (v != Long.MIN_VALUE) {
                out.add((int) v);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObj(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : null;
    }
}
