package io.sparkwise.report.simulate;

import io.sparkwise.report.Units;
import io.sparkwise.simulator.ClusterShape;
import io.sparkwise.simulator.SelfCheck;

/** The sentences about the log's own cluster and the self-check, the same in text and HTML. */
public final class SimulationSummary {

    private SimulationSummary() {
    }

    public static String asRun(ClusterShape shape) {
        return shape.executors() + (shape.executors() == 1 ? " executor" : " executors")
                + (shape.peakExecutors() != shape.executors() ? " (at most " + shape.peakExecutors() + " at once)" : "")
                + " x " + shape.coresPerExecutor() + (shape.coresPerExecutor() == 1 ? " core" : " cores")
                + ", spark.task.cpus " + shape.taskCpus()
                + ", dynamic allocation " + (shape.dynamicAllocation() ? "on" : "off")
                + ", first executor after " + Units.millis(shape.executorStartupMs());
    }

    public static String selfCheck(SelfCheck check) {
        return "Self-check on the executors it had: " + selfCheckNumbers(check);
    }

    /** {@code predicted 1.7 h, real 1.7 h (+0.0%)}. */
    public static String selfCheckNumbers(SelfCheck check) {
        return "predicted " + Units.millis(check.predicted().predictedWallTimeMs()) + ", real "
                + Units.millis(check.realWallTimeMs()) + " (" + Units.signedPercent(check.errorPct()) + ")";
    }
}
