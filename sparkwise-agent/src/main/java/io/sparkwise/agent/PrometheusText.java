package io.sparkwise.agent;

import java.util.Map;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): per metric family one
 * {@code # HELP} and one {@code # TYPE} line, then its samples. Label values are escaped as the
 * format requires (backslash, double quote, line feed); HELP text escapes backslash and line feed.
 * Written here rather than taken from a client library: a hundred lines, nothing to shade.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);
    private final Map<String, String> commonLabels;

    /** @param commonLabels labels every sample carries (job, app_id), in this order */
    PrometheusText(Map<String, String> commonLabels) {
        this.commonLabels = commonLabels;
    }

    PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(String name, double value) {
        return sample(name, Map.of(), value);
    }

    /** A sample with the common labels, then {@code labels} in their iteration order. */
    PrometheusText sample(String name, Map<String, String> labels, double value) {
        out.append(name).append('{');
        boolean first = true;
        for (Map.Entry<String, String> l : commonLabels.entrySet()) {
            first = label(l.getKey(), l.getValue(), first);
        }
        for (Map.Entry<String, String> l : labels.entrySet()) {
            first = label(l.getKey(), l.getValue(), first);
        }
        out.append("} ").append(format(value)).append('\n');
        return this;
    }

    private boolean label(String name, String value, boolean first) {
        if (!first) {
            out.append(',');
        }
        out.append(name).append("=\"").append(escapeLabelValue(value)).append('"');
        return false;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escapeLabelValue(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Integers without a decimal point; NaN and infinities as the format spells them. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
