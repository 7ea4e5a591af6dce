package io.sparkwise.analysis.rules.skew;

import io.sparkwise.model.Application;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The largest and median shuffle partition of the side of a join that AQE would split, estimated
 * from the stage's shuffle read per task.
 *
 * <p>A task of a join stage reads its partition of every side, and the event log has only the sum.
 * AQE judges each side apart (a partition is skewed when larger than factor x the median of its
 * own side), so a large, evenly spread side (a dimension of a few hundred MiB) hides a hot
 * partition of the other side: in a version of the skewed-join demo with 16 join partitions the
 * hot task read 4.7 MB against a 1.85 MB median (2.6x), while its orders side held 3.3 MB against
 * a 0.41 MB median (8x). When the stage reads two or more shuffles whose totals the log gives
 * (their map stages' shuffle write), each side is tried in turn as the skewed one, the others
 * assumed spread evenly over the partitions (their total / the partition count subtracted from the
 * largest and the median read); the side with the largest max/median ratio is the one AQE would
 * split. Otherwise the summed reads stand for one side.
 *
 * @param max the largest partition, bytes
 * @param median the median partition, bytes (at least 1)
 */
record SkewedSide(long max, long median) {

    SkewedSide {
        median = Math.max(1, median);
    }

    double ratio() {
        return (double) max / median;
    }

    static SkewedSide of(Application app, StageAttempt stage, QuantileSketch shuffleRead) {
        SkewedSide summed = new SkewedSide(shuffleRead.max(), shuffleRead.quantile(0.5));
        List<Long> sides = sideTotals(app, stage);
        int partitions = Math.max(1, stage.numTasks());
        if (sides.size() < 2) {
            return summed;
        }
        long total = sides.stream().mapToLong(Long::longValue).sum();
        SkewedSide best = summed;
        for (long side : sides) {
            long othersPerPartition = (total - side) / partitions;
            SkewedSide candidate = new SkewedSide(summed.max() - othersPerPartition,
                    summed.median() - othersPerPartition);
            if (candidate.max() > 0 && candidate.ratio() > best.ratio()) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The shuffle bytes each parent stage wrote, or empty when one is unknown. Under AQE a join's
     * parents are usually skipped stage ids: their shuffle ran earlier as its own job, in a stage
     * with the same RDDs.
     */
    private static List<Long> sideTotals(Application app, StageAttempt stage) {
        List<Long> totals = new ArrayList<>();
        for (int parentId : stage.parentStageIds()) {
            Optional<Long> written = shuffleWritten(app, parentId);
            if (written.isEmpty()) {
                return List.of();
            }
            totals.add(written.get());
        }
        return totals;
    }

    private static Optional<Long> shuffleWritten(Application app, int stageId) {
        List<Integer> rdds = List.of();
        for (StageAttempt s : app.stages()) {
            if (s.stageId() == stageId) {
                if (s.status() == StageStatus.COMPLETE && s.metrics().shuffleWriteBytes() > 0) {
                    return Optional.of(s.metrics().shuffleWriteBytes());
                }
                rdds = s.rddIds();
            }
        }
        if (rdds.isEmpty()) {
            return Optional.empty();
        }
        for (StageAttempt s : app.stages()) {
            if (s.status() == StageStatus.COMPLETE && Set.copyOf(s.rddIds()).equals(Set.copyOf(rdds))
                    && s.metrics().shuffleWriteBytes() > 0) {
                return Optional.of(s.metrics().shuffleWriteBytes());
            }
        }
        return Optional.empty();
    }
}
