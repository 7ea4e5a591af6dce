package io.sparkwise.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line a
 * comment, a HELP/TYPE line or a sample; names and label names as the format allows; label values
 * unescaped; every sample belonging to a family whose TYPE came before it. Throws on anything else.
 */
final class PrometheusParser {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private PrometheusParser() {
    }

    static List<Sample> parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                require(parts.length == 2 && METRIC_NAME.matcher(parts[0]).matches()
                        && List.of("counter", "gauge", "summary", "histogram", "untyped").contains(parts[1]), n, line);
                require(types.put(parts[0], parts[1]) == null, n, "second TYPE for " + parts[0]);
            } else if (line.startsWith("# HELP ")) {
                require(METRIC_NAME.matcher(line.substring(7).split(" ", 2)[0]).matches(), n, line);
            } else if (line.startsWith("#")) {
                continue;
            } else {
                Sample s = sample(line, n);
                String family = s.name().replaceFirst("_(count|sum|bucket)$", "");
                require(types.containsKey(s.name()) || types.containsKey(family), n, "no TYPE before " + s.name());
                samples.add(s);
            }
        }
        return samples;
    }

    private static Sample sample(String line, int n) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC_NAME.matcher(name).matches(), n, "bad metric name: " + line);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq);
                require(LABEL_NAME.matcher(label).matches(), n, "bad label name: " + label);
                require(line.charAt(eq + 1) == '"', n, "label value not quoted: " + line);
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        require(next == '\\' || next == '"' || next == 'n', n, "bad escape: " + line);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(label, value.toString()) == null, n, "label twice: " + label);
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        require(line.charAt(i) == ' ', n, "no space before the value: " + line);
        String[] rest = line.substring(i + 1).split(" ");
        require(rest.length <= 2, n, "extra fields: " + line);
        String v = rest[0];
        double value = switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
        return new Sample(name, labels, value);
    }

    private static void require(boolean ok, int line, String what) {
        if (!ok) {
            throw new IllegalArgumentException("line " + line + ": " + what);
        }
    }
}
