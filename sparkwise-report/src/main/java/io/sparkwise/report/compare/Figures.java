package io.sparkwise.report.compare;

import io.sparkwise.report.markdown.Quantities;

/** Values and changes of a comparison as people read them: units, signs, percentages. */
final class Figures {

    private Figures() {
    }

    static String value(RunMetric.Unit unit, long value) {
        return switch (unit) {
            case MILLISECONDS -> Quantities.millis(value);
            case CORE_MILLISECONDS -> Quantities.coreMillis(value);
            case BYTES -> Quantities.bytes(value);
            case COUNT -> Quantities.count(value);
        };
    }

    /** {@code +0.4 s (+4.7%)}, {@code -2 (-50.0%)}, {@code +1.2 GiB (new)} or {@code =}. */
    static String change(MetricDelta m) {
        if (m.delta() == 0) {
            return "=";
        }
        String amount = Quantities.signed(value(m.metric().unit(), m.delta()), m.delta());
        return amount + " (" + (m.changePct().isPresent() ? Quantities.signedPercent(m.changePct().getAsDouble()) : "new")
                + ")";
    }

    /** A change of milliseconds: {@code +1.2 s}, {@code -300 ms} or {@code =}. */
    static String millisChange(long delta) {
        return delta == 0 ? "=" : Quantities.signed(Quantities.millis(delta), delta);
    }

    /** "5 → 7 (+40.0%)", the headline form of a metric. */
    static String headline(MetricDelta m) {
        return value(m.metric().unit(), m.before()) + " → " + value(m.metric().unit(), m.after())
                + (m.delta() == 0 ? " (no change)"
                : m.changePct().isPresent() ? " (" + Quantities.signedPercent(m.changePct().getAsDouble()) + ")" : "");
    }
}
