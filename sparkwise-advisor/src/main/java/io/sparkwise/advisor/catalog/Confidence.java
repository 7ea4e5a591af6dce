package io.sparkwise.advisor.catalog;

import java.util.Locale;

/** How far a catalog number can be trusted. */
public enum Confidence {
    /** Read from the source named, on the as_of date. */
    VERIFIED,
    /** Derived (e.g. by the AWS size doubling rule), a typical range, or not re-checked against its source. */
    ESTIMATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The less certain of two: a number computed from an estimate is an estimate. */
    public Confidence and(Confidence other) {
        return this == ESTIMATED || other == ESTIMATED ? ESTIMATED : VERIFIED;
    }
}
