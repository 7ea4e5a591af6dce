package io.sparkwise.report.compare;

import io.sparkwise.analysis.compare.MetricDelta;
import io.sparkwise.analysis.compare.RunMetric;
import io.sparkwise.report.Units;

/** Values and changes of a comparison as people read them: units, signs, percentages. */
final class Figures {

    private Figures() {
    }

    static String value(RunMetric.Unit unit, long value) {
        return switch (unit) {
            case MILLISECONDS -> Units.millis(value);
            case CORE_MILLISECONDS -> Units.coreMillis(value);
            case BYTES -> Units.bytes(value);
            case COUNT -> Units.count(value);
        };
    }

    /** {@code +0.4 s (+4.7%)}, {@code -2 (-50.0%)}, {@code +1.2 GiB (new)} or {@code =}. */
    static String change(MetricDelta m) {
        if (m.delta() == 0) {
            return "=";
        }
        String amount = Units.signed(value(m.metric().unit(), m.delta()), m.delta());
        return amount + " (" + (m.changePct().isPresent() ? Units.signedPercent(m.changePct().getAsDouble()) : "new")
                + ")";
    }

    /** A change of milliseconds: {@code +1.2 s}, {@code -300 ms} or {@code =}. */
    static String millisChange(long delta) {
        return delta == 0 ? "=" : Units.signed(Units.millis(delta), delta);
    }

    /** "5 → 7 (+40.0%)", the headline form of a metric. */
    static String headline(MetricDelta m) {
        return value(m.metric().unit(), m.before()) + " → " + value(m.metric().unit(), m.after())
                + (m.delta() == 0 ? " (no change)"
                : m.changePct().isPresent() ? " (" + Units.signedPercent(m.changePct().getAsDouble()) + ")" : "");
    }
}
