package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.Optional;

/**
 * Data skew of one stage in one per-task quantity (shuffle read or input bytes), measured the way
 * AQE defines a skewed partition (larger than factor x median and than a byte threshold), kept only
 * when the straggler costs real time (the duration sketch: max - median task duration).
 *
 * @param wastedCoreSeconds (max - median task duration) x (cores the stage could use - 1): the
 *     cores left waiting for the straggler, as skew.task-duration counts them
 */
record DataSkew(StageAttempt stage, QuantileSketch bytes, QuantileSketch durations, long medianBytes,
                double ratio, long excessMs, double wastedCoreSeconds) {

    /** Thresholds: minTasks, maxToMedianRatio, minMaxBytes, minExcessMs. */
    static Optional<DataSkew> of(AnalysisContext context, StageAttempt stage, TaskQuantity quantity,
                                 RuleSettings settings) {
        QuantileSketch bytes = stage.taskDistributions().of(quantity);
        QuantileSketch durations = stage.taskDistributions().of(TaskQuantity.DURATION);
        if (bytes.count() < settings.getLong("minTasks") || durations.isEmpty()) {
            return Optional.empty();
        }
        long median = Math.max(1, bytes.quantile(0.5));
        double ratio = (double) bytes.max() / median;
        if (ratio < settings.get("maxToMedianRatio") || bytes.max() < settings.getLong("minMaxBytes")) {
            return Optional.empty();
        }
        long excessMs = durations.max() - durations.quantile(0.5);
        if (excessMs < settings.getLong("minExcessMs")) {
            return Optional.empty();
        }
        int usableCores = (int) Math.min(Stages.slots(context.application()), Math.max(1, stage.numTasks()));
        double wasted = excessMs / 1000.0 * Math.max(1, usableCores - 1);
        return Optional.of(new DataSkew(stage, bytes, durations, bytes.quantile(0.5), ratio, excessMs, wasted));
    }
}
