package io.sparkwise.analysis.compare;

import static java.util.Objects.requireNonNull;

/** The same stage in both runs. */
public record StageDelta(StageRun before, StageRun after) {

    public StageDelta {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
    }

    public long durationDelta() {
        return after.duration() - before.duration();
    }

    public long executorRunTimeDelta() {
        return after.executorRunTime() - before.executorRunTime();
    }
}
