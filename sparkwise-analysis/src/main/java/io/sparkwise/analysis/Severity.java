package io.sparkwise.analysis;

import java.util.Locale;

/** How much a finding costs the application, lowest first. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a severity: '" + text + "' (expected info, warning or critical)");
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
