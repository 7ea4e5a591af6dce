package io.sparkwise.analysis.timeline;

import io.sparkwise.model.StageAttempt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An approximation of the chain of stage attempts that determined when the application's work
 * ended. The log has no task-level dependencies here, so it walks back from the stage attempt that
 * finished last: to its latest-finishing parent stage attempt that ended before it was submitted,
 * or, when it has none, to the latest stage attempt that ended before it was submitted (the driver
 * waited for that one, or for code between them). Stage attempts without both submission and
 * completion times (skipped, still running) are not on it.
 */
public final class CriticalPath {

    /** How it is computed, in words a report can show next to the path. */
    public static final String EXPLANATION = "Critical path (approximate): start from the stage attempt that finished last; "
            + "step back to its latest-finishing parent stage that finished before it was submitted, or, when it has "
            + "no such parent, to the latest stage that finished before it was submitted; repeat. Gaps between "
            + "steps are driver time (planning, collecting results, code between jobs).";

    private CriticalPath() {
    }

    /** The chain, earliest first; empty when no stage attempt has both times. */
    public static List<StageAttempt> of(List<StageAttempt> stages) {
        List<StageAttempt> timed = new ArrayList<>();
        for (StageAttempt s : stages) {
            if (s.submissionTime().isPresent() && s.completionTime().isPresent()) {
                timed.add(s);
            }
        }
        if (timed.isEmpty()) {
            return List.of();
        }
        timed.sort(Comparator.comparingLong((StageAttempt s) -> s.completionTime().getAsLong())
                .thenComparingInt(StageAttempt::stageId).thenComparingInt(StageAttempt::attemptId));
        List<StageAttempt> path = new ArrayList<>();
        Set<StageAttempt> visited = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        StageAttempt current = timed.get(timed.size() - 1);
        while (current != null && visited.add(current)) {
            path.add(current);
            current = predecessor(current, timed, visited);
        }
        Collections.reverse(path);
        return path;
    }

    private static StageAttempt predecessor(StageAttempt stage, List<StageAttempt> byCompletion, Set<StageAttempt> visited) {
        long submitted = stage.submissionTime().getAsLong();
        int last = lastCompletedBy(byCompletion, submitted);
        Set<Integer> parents = new HashSet<>(stage.parentStageIds());
        StageAttempt latestAny = null;
        for (int i = last; i >= 0; i--) {
            StageAttempt candidate = byCompletion.get(i);
            if (visited.contains(candidate)) {
                continue;
            }
            if (parents.contains(candidate.stageId())) {
                return candidate;   // scanning from the latest completion down: the first parent is the latest
            }
            if (latestAny == null) {
                latestAny = candidate;
                if (parents.isEmpty()) {
                    return latestAny;
                }
            }
        }
        return latestAny;
    }

    /** Index of the last stage attempt completed at or before {@code time}, -1 when none. */
    private static int lastCompletedBy(List<StageAttempt> byCompletion, long time) {
        int lo = 0;
        int hi = byCompletion.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (byCompletion.get(mid).completionTime().getAsLong() <= time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
