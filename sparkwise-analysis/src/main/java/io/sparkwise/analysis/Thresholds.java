package io.sparkwise.analysis;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every rule's thresholds: shipped defaults (one YAML file per rule family under
 * {@code io/sparkwise/analysis/defaults/}), overridden by an optional user file of the same shape:
 *
 * <pre>
 * severity:
 *   warningWastedPct: 5
 * rules:
 *   skew.task-duration:
 *     enabled: false
 *     maxToMedianRatio: 8
 * </pre>
 *
 * A user file naming an unknown rule or threshold is rejected with a message naming both, so a
 * typo never silently keeps a default.
 */
public final class Thresholds {

    static final String SEVERITY = "severity";
    static final String RULES = "rules";

    private final Map<String, RuleSettings> rules;
    private final Map<String, Double> severity;

    private Thresholds(Map<String, RuleSettings> rules, Map<String, Double> severity) {
        this.rules = rules;
        this.severity = severity;
    }

    /** The shipped defaults. */
    public static Thresholds defaults() {
        Map<String, Map<String, Object>> rules = new TreeMap<>();
        Map<String, Double> severity = new TreeMap<>();
        for (RuleCategory category : RuleCategory.values()) {
            String resource = "defaults/" + category.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
            try (InputStream in = Thresholds.class.getResourceAsStream(resource)) {
                if (in != null) {
                    Map<String, Object> doc = load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), resource);
                    rules.putAll(section(doc, RULES, resource));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read shipped defaults " + resource, e);
            }
        }
        try (InputStream in = Thresholds.class.getResourceAsStream("defaults/severity.yaml")) {
            Map<String, Object> doc = load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "severity.yaml");
            numbers(section(doc, SEVERITY, "severity.yaml").entrySet(), severity, "severity.yaml", SEVERITY);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read shipped defaults severity.yaml", e);
        }
        Map<String, RuleSettings> settings = new TreeMap<>();
        rules.forEach((id, values) -> {
            Map<String, Double> numbers = new TreeMap<>();
            Object enabled = values.getOrDefault("enabled", Boolean.TRUE);
            values.entrySet().stream().filter(e -> !e.getKey().equals("enabled"))
                    .forEach(e -> numbers.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
            settings.put(id, new RuleSettings(id, Boolean.TRUE.equals(enabled), numbers));
        });
        return new Thresholds(settings, severity);
    }

    /** The defaults overridden by the user's YAML file. */
    public static Thresholds load(Path userFile) {
        Thresholds base = defaults();
        Map<String, Object> doc;
        try (Reader reader = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
            doc = load(reader, userFile.toString());
        } catch (NoSuchFileException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "rules file not found: " + userFile);
        } catch (IOException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "cannot read rules file " + userFile + ": " + e.getMessage());
        }
        return base.override(doc, userFile.toString());
    }

    private Thresholds override(Map<String, Object> doc, String file) {
        for (String key : doc.keySet()) {
            if (!key.equals(RULES) && !key.equals(SEVERITY)) {
                throw usage(file, "unknown section '" + key + "' (expected 'rules' or 'severity')");
            }
        }
        Map<String, Double> newSeverity = new TreeMap<>(severity);
        Map<String, Object> sev = section(doc, SEVERITY, file);

        for (String key : sev.keySet()) {
            if (!severity.containsKey(key)) {
                throw usage(file, "unknown severity setting '" + key + "' (known: " + severity.keySet() + ")");
            }
        }
        numbers(sev.entrySet(), newSeverity, file, SEVERITY);
        Map<String, RuleSettings> newRules = new TreeMap<>(rules);
        Map<String, Map<String, Object>> userRules = section(doc, RULES, file);
        for (Map.Entry<String, Map<String, Object>> entry : userRules.entrySet()) {
            String id = entry.getKey();
            RuleSettings current = rules.get(id);
            if (current == null) {
                throw usage(file, "unknown rule '" + id + "' (see docs/rules.md for rule ids)");
            }
            boolean enabled = current.enabled();
            Map<String, Double> values = new TreeMap<>(current.values());
            for (Map.Entry<String, Object> setting : entry.getValue().entrySet()) {
                String key = setting.getKey();
                if (key.equals("enabled")) {
                    if (!(setting.getValue() instanceof Boolean b)) {
                        throw usage(file, "rules." + id + ".enabled must be true or false");
                    }
                    enabled = b;
                } else if (!values.containsKey(key)) {
                    throw usage(file, "rule '" + id + "' has no threshold '" + key + "' (known: " + values.keySet() + ")");
                } else {
                    values.put(key, number(setting.getValue(), file, "rules." + id + "." + key));
                }
            }
            newRules.put(id, new RuleSettings(id, enabled, values));
        }
        return new Thresholds(newRules, newSeverity);
    }

    /** Settings of a rule; a rule without shipped defaults runs with no thresholds. */
    public RuleSettings rule(String ruleId) {
        RuleSettings s = rules.get(ruleId);
        return s != null ? s : new RuleSettings(ruleId, true, Map.of());
    }

    public double severity(String key) {
        Double v = severity.get(key);
        if (v == null) {
            throw new IllegalStateException("no severity setting '" + key + "'");
        }
        return v;
    }

    public Map<String, RuleSettings> rules() {
        return rules;
    }

    private static Map<String, Object> load(Reader reader, String file) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (doc == null) {
                return Map.of();
            }
            if (!(doc instanceof Map<?, ?> map)) {
                throw usage(file, "expected a mapping with 'rules' and/or 'severity'");
            }
            return stringKeys(map, file);
        } catch (YAMLException e) {
            throw usage(file, "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> section(Map<String, Object> doc, String name, String file) {
        Object s = doc.get(name);
        if (s == null) {
            return Map.of();
        }
        if (!(s instanceof Map<?, ?> map)) {
            throw usage(file, "'" + name + "' must be a mapping");
        }
        Map<String, V> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : stringKeys(map, file).entrySet()) {
            Object v = e.getValue();
            if (name.equals(RULES) && !(v instanceof Map)) {
                throw usage(file, "rules." + e.getKey() + " must be a mapping of thresholds");
            }
            out.put(e.getKey(), (V) (v instanceof Map<?, ?> m ? stringKeys(m, file) : v));
        }
        return out;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map, String file) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static void numbers(Iterable<Map.Entry<String, Object>> entries, Map<String, Double> into, String file,
                                String prefix) {
        for (Map.Entry<String, Object> e : entries) {
            into.put(e.getKey(), number(e.getValue(), file, prefix + "." + e.getKey()));
        }
    }

    private static double number(Object value, String file, String key) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw usage(file, key + " must be a number, got '" + value + "'");
    }

    private static SparkwiseException usage(String file, String message) {
        return new SparkwiseException(ErrorCode.USAGE, file + ": " + message);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
