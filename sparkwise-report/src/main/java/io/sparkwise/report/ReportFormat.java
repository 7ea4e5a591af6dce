package io.sparkwise.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The report formats by the name users type after {@code --format}: one entry per renderer. */
public enum ReportFormat {
    TEXT(TextReport::new),
    JSON(JsonReport::new),
    MARKDOWN(io.sparkwise.report.markdown.MarkdownReport::new),
    HTML(io.sparkwise.report.html.HtmlReport::new);

    private final Supplier<Renderer> factory;

    ReportFormat(Supplier<Renderer> factory) {
        this.factory = factory;
    }

    /** The name users type: {@code text}, {@code json}. */
    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Renderer renderer() {
        return factory.get();
    }

    /** Names of all formats, comma separated, for help and error messages. */
    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::formatName).collect(Collectors.joining(", "));
    }

    /** The format named {@code name} (case-insensitive). */
    public static ReportFormat fromName(String name) {
        for (ReportFormat format : values()) {
            if (format.formatName().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("expected one of " + names() + " but was '" + name + "'");
    }
}
