package io.sparkwise.analysis;

import io.sparkwise.model.Application;

import static java.util.Objects.requireNonNull;

/** What a rule sees: the application, numbers derived from it, and the thresholds. */
public final class AnalysisContext {

    private final Application application;
    private final ApplicationProfile profile;
    private final Thresholds thresholds;

    public AnalysisContext(Application application, Thresholds thresholds) {
        this.application = requireNonNull(application, "application is null");
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
        this.profile = ApplicationProfile.of(application);
    }

    public Application application() {
        return application;
    }

    public ApplicationProfile profile() {
        return profile;
    }

    public RuleSettings settings(String ruleId) {
        return thresholds.rule(ruleId);
    }

    /**
     * Severity from cost: the share of the application's allocated core-seconds a finding wastes,
     * with the bands of severity.yaml; each band also needs a minimum absolute waste, so a tiny
     * test job is never more than info whatever its share.
     */
    public Severity severityFor(double wastedCoreSeconds) {
        double pct = wastedPct(wastedCoreSeconds);
        if (pct >= thresholds.severity("criticalWastedPct")
                && wastedCoreSeconds >= thresholds.severity("criticalMinWastedCoreSeconds")) {
            return Severity.CRITICAL;
        }
        if (pct >= thresholds.severity("warningWastedPct")
                && wastedCoreSeconds >= thresholds.severity("warningMinWastedCoreSeconds")) {
            return Severity.WARNING;
        }
        return Severity.INFO;
    }

    /** Wasted core-seconds as a percentage of the application's allocated core-seconds, 0 to 100. */
    public double wastedPct(double wastedCoreSeconds) {
        double base = Math.max(profile.allocatedCoreSeconds(), profile.taskCoreSeconds());
        if (base <= 0) {
            return 0;
        }
        return Math.min(100, 100 * wastedCoreSeconds / base);
    }

    /** An impact whose savings share is the wasted share. */
    public Impact impact(double wastedCoreSeconds) {
        return new Impact(Math.max(0, wastedCoreSeconds), wastedPct(Math.max(0, wastedCoreSeconds)));
    }
}
