package io.sparkwise.advisor.catalog;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.Reader;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * Reads one catalog YAML document into entries, checking that every number is a non-negative number
 * with a source, an as_of date and a confidence. The format is described at the top of the shipped
 * {@code prices.yaml} and in docs/advisor.md.
 */
final class CatalogParser {

    static final String METADATA = "catalog";
    private static final Set<String> PROVENANCE = Set.of("source", "as_of", "confidence", "note");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String origin;

    private CatalogParser(String origin) {
        this.origin = origin;
    }

    /** Sections by name, each a list of entries in file order. {@code origin} names the file in messages. */
    static Map<String, List<CatalogEntry>> parse(Reader reader, String origin) {
        return new CatalogParser(origin).parse(reader);
    }

    private Map<String, List<CatalogEntry>> parse(Reader reader) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            throw error("not valid YAML at line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw error("not valid YAML: " + e.getMessage());
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> top)) {
            throw error("expected sections (instances:, platforms:, ...) at the top level");
        }
        Map<String, List<CatalogEntry>> sections = new LinkedHashMap<>();
        for (Map.Entry<?, ?> section : top.entrySet()) {
            String name = String.valueOf(section.getKey());
            if (name.equals(METADATA)) {
                continue;
            }
            if (!(section.getValue() instanceof List<?> items)) {
                throw error("section '" + name + "' must be a list of entries");
            }
            List<CatalogEntry> entries = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> fields)) {
                    throw error(name + " entry " + (i + 1) + " is not a map of fields");
                }
                entries.add(entry(name, i + 1, fields));
            }
            sections.put(name, entries);
        }
        return sections;
    }

    private CatalogEntry entry(String section, int position, Map<?, ?> fields) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String keyField : CatalogSections.keyFields(section)) {
            Object value = fields.get(keyField);
            if (value == null || value instanceof Map || value instanceof List) {
                throw error(section + " entry " + position + " has no '" + keyField + "' (entries of " + section
                        + " are named by " + CatalogSections.keyFields(section) + ")");
            }
            key.put(keyField, text(value));
        }
        String name = CatalogEntry.name(section, key);
        Provenance entryProvenance = Provenance.of(fields, this);
        Map<String, Price> prices = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String fieldName = String.valueOf(field.getKey());
            if (key.containsKey(fieldName) || PROVENANCE.contains(fieldName)) {
                continue;
            }
            collect(name, fieldName, field.getValue(), entryProvenance, prices, attributes);
        }
        entryProvenance.note.ifPresent(note -> attributes.put("note", note));
        return new CatalogEntry(section, key, prices, attributes);
    }

    private void collect(String entry, String path, Object value, Provenance inherited,
                         Map<String, Price> prices, Map<String, String> attributes) {
        if (value instanceof Number number) {
            prices.put(path, price(entry, path, number.doubleValue(), inherited));
        } else if (value instanceof Map<?, ?> map && map.containsKey("value")) {
            Object number = map.get("value");
            if (!(number instanceof Number n)) {
                throw error(entry + "." + path + ".value is not a number: " + number);
            }
            prices.put(path, price(entry, path, n.doubleValue(), Provenance.of(map, this).orElse(inherited)));
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> nested : map.entrySet()) {
                collect(entry, path + "." + nested.getKey(), nested.getValue(), inherited, prices, attributes);
            }
        } else if (value instanceof List) {
            throw error(entry + "." + path + " is a list; use a map of named numbers instead");
        } else if (value != null) {
            attributes.put(path, text(value));
        }
    }

    private Price price(String entry, String path, double value, Provenance provenance) {
        String key = entry + "." + path;
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw error(key + " is not a finite number: " + value);
        }
        if (value < 0) {
            throw error(key + " is negative: " + format(value) + " (prices and quantities must be >= 0)");
        }
        String source = provenance.source.orElseThrow(() -> missing(key, "source"));
        String asOf = provenance.asOf.orElseThrow(() -> missing(key, "as_of"));
        Confidence confidence = provenance.confidence.orElseThrow(() -> missing(key, "confidence"));
        return new Price(key, value, source, asOf, confidence, provenance.note);
    }

    private SparkwiseException missing(String key, String field) {
        return error(key + " has no " + field + " (every number needs source, as_of and confidence, "
                + "on its entry or as {value: ..., source: ..., as_of: ..., confidence: ...})");
    }

    SparkwiseException error(String message) {
        return new SparkwiseException(ErrorCode.USAGE, "price catalog " + origin + ": " + message);
    }

    private static String text(Object value) {
        if (value instanceof Date date) {
            SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
            iso.setTimeZone(TimeZone.getTimeZone("UTC"));
            return iso.format(date);
        }
        return String.valueOf(value);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** source / as_of / confidence / note given on an entry or on one number; absent parts are inherited. */
    private record Provenance(Optional<String> source, Optional<String> asOf, Optional<Confidence> confidence,
                              Optional<String> note) {

        static Provenance of(Map<?, ?> fields, CatalogParser parser) {
            Optional<String> asOf = Optional.ofNullable(fields.get("as_of")).map(CatalogParser::text);
            asOf.ifPresent(date -> {
                if (!DATE.matcher(date).matches()) {
                    throw parser.error("as_of '" + date + "' is not a date yyyy-mm-dd");
                }
            });
            Optional<Confidence> confidence = Optional.ofNullable(fields.get("confidence")).map(c -> {
                try {
                    return Confidence.valueOf(String.valueOf(c).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw parser.error("confidence '" + c + "' is neither verified nor estimated");
                }
            });
            return new Provenance(Optional.ofNullable(fields.get("source")).map(CatalogParser::text), asOf,
                    confidence, Optional.ofNullable(fields.get("note")).map(CatalogParser::text));
        }

        Provenance orElse(Provenance inherited) {
            return new Provenance(source.or(() -> inherited.source), asOf.or(() -> inherited.asOf),
                    confidence.or(() -> inherited.confidence), note.or(() -> inherited.note));
        }
    }
}
