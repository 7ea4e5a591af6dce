package io.sparkwise.demo.runner;

import java.util.List;

/** What a fix did to the measured cost of a scenario, beyond run-to-run noise (see {@link DemoSpread}). */
enum DemoVerdict {
    IMPROVED("improved"),
    NO_MEASURABLE_CHANGE("no measurable change"),
    WORSE("worse"),
    /** One quantity improved and another got worse (e.g. fewer core-seconds, longer wall time). */
    MIXED("mixed"),
    NO_FIX("no fix to apply");

    private final String label;

    DemoVerdict(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * The verdict over several quantities (wall time, executor core-seconds): improved when one
     * improved and none got worse, worse when one got worse and none improved, mixed when both.
     */
    static DemoVerdict combine(List<DemoVerdict> perQuantity) {
        boolean improved = perQuantity.contains(IMPROVED);
        boolean worse = perQuantity.contains(WORSE);
        if (improved && worse) {
            return MIXED;
        }
        return improved ? IMPROVED : worse ? WORSE : NO_MEASURABLE_CHANGE;
    }
}
