package io.sparkwise.report.simulate;

import io.sparkwise.report.html.SimulationHtml;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats of {@code sparkwise simulate}, by the name users type after {@code --format}. */
public enum SimulationFormat {
    TEXT(SimulationText::new),
    JSON(SimulationJson::new),
    HTML(SimulationHtml::new);

    private final Supplier<SimulationRenderer> factory;

    SimulationFormat(Supplier<SimulationRenderer> factory) {
        this.factory = factory;
    }

    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public SimulationRenderer renderer() {
        return factory.get();
    }

    public static String names() {
        return Arrays.stream(values()).map(SimulationFormat::formatName).collect(Collectors.joining(", "));
    }

    /** The format named {@code name} (case-insensitive). */
    public static SimulationFormat fromName(String name) {
        for (SimulationFormat format : values()) {
            if (format.formatName().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("expected one of " + names() + " but was '" + name + "'");
    }
}
