package io.sparkwise.report.compare;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats of {@code sparkwise compare}, by the name users type after {@code --format}. */
public enum ComparisonFormat {
    TEXT(ComparisonText::new),
    MARKDOWN(ComparisonMarkdown::new),
    JSON(ComparisonJson::new);

    private final Supplier<ComparisonRenderer> factory;

    ComparisonFormat(Supplier<ComparisonRenderer> factory) {
        this.factory = factory;
    }

    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ComparisonRenderer renderer() {
        return factory.get();
    }

    public static String names() {
        return Arrays.stream(values()).map(ComparisonFormat::formatName).collect(Collectors.joining(", "));
    }

    /** The format named {@code name} (case-insensitive). */
    public static ComparisonFormat fromName(String name) {
        for (ComparisonFormat format : values()) {
            if (format.formatName().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("expected one of " + names() + " but was '" + name + "'");
    }
}
