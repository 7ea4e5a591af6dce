package io.sparkwise.advisor.plan;

import io.sparkwise.model.Application;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.Simulator;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The fewest executors of a given size that replay a past run within a deadline, found by binary
 * search over simulator replays (predicted wall time does not grow with more executors of the same
 * size, so the search is valid; docs/simulator.md says what the replay leaves out).
 */
public final class DeadlineSizing {

    /** Searches at most up to this many executors. */
    static final int MAX_EXECUTORS = 2000;

    private DeadlineSizing() {
    }

    /**
     * @param executors the fewest that meet the deadline; empty when even {@code upperBound} does not
     * @param wallMs predicted wall time with that many (or with {@code upperBound} when none meets it)
     * @param replays simulator runs made
     */
    public record Result(OptionalInt executors, long wallMs, int upperBound, int replays) {
    }

    public static Result search(Application app, int coresPerExecutor, Duration deadline, int upperBound) {
        Simulator simulator = Simulator.of(app);
        long target = deadline.toMillis();
        int high = Math.max(1, Math.min(upperBound, MAX_EXECUTORS));
        int replays = 1;
        long highWall = simulator.simulate(ClusterOption.fixed(high, coresPerExecutor)).predictedWallTimeMs();
        if (highWall > target) {
            return new Result(OptionalInt.empty(), highWall, high, replays);
        }
        int low = 1;
        long bestWall = highWall;
        while (low < high) {
            int mid = (low + high) / 2;
            long wall = simulator.simulate(ClusterOption.fixed(mid, coresPerExecutor)).predictedWallTimeMs();
            replays++;
            if (wall <= target) {
                high = mid;
                bestWall = wall;
            } else {
                low = mid + 1;
            }
        }
        if (high != low || bestWall > target) {
            bestWall = simulator.simulate(ClusterOption.fixed(high, coresPerExecutor)).predictedWallTimeMs();
            replays++;
        }
        return new Result(OptionalInt.of(high), bestWall, upperBound, replays);
    }
}
