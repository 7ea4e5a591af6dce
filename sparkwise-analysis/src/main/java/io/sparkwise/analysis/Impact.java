package io.sparkwise.analysis;

/**
 * What a finding costs.
 *
 * @param wastedCoreSeconds executor core-seconds lost to the problem (idle, retried, waiting)
 * @param estimatedSavingsPct share of the application's wall time or core-seconds the fix could
 *     save, 0 to 100
 */
public record Impact(double wastedCoreSeconds, double estimatedSavingsPct) {

    public static final Impact NONE = new Impact(0, 0);

    public Impact {
        if (wastedCoreSeconds < 0 || Double.isNaN(wastedCoreSeconds)) {
            throw new IllegalArgumentException("wastedCoreSeconds is negative: " + wastedCoreSeconds);
        }
        if (estimatedSavingsPct < 0 || estimatedSavingsPct > 100 || Double.isNaN(estimatedSavingsPct)) {
            throw new IllegalArgumentException("estimatedSavingsPct is not in [0, 100]: " + estimatedSavingsPct);
        }
    }
}
