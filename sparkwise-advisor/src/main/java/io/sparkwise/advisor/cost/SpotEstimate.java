package io.sparkwise.advisor.cost;

/**
 * The run on spot executors (driver kept on demand) with the interruption risk priced in.
 *
 * @param expectedInterruptions executor-hours x monthly interruption share / 730 hours
 * @param lostCoreSecondsPerInterruption in-flight tasks plus shuffle output still needed, from the stage structure
 */
public record SpotEstimate(double spotDollars, double expectedInterruptions, double lostCoreSecondsPerInterruption,
                           double reexecutionDollars, String formula) {

    public double expectedDollars() {
        return spotDollars + reexecutionDollars;
    }
}
