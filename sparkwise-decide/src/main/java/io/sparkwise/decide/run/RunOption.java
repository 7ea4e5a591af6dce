package io.sparkwise.decide.run;

import java.util.List;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * One way to run the workload, with what it would take and cost per run, and the assumptions
 * behind both. Time or cost is empty when nothing measured or priced supports a number.
 */
public record RunOption(String name, OptionalDouble seconds, OptionalDouble costPerRun, List<String> assumptions) {

    public RunOption {
        requireNonNull(name, "name is null");
        requireNonNull(seconds, "seconds is null");
        requireNonNull(costPerRun, "costPerRun is null");
        assumptions = List.copyOf(assumptions);
    }

    /** Cost per 30-day month at {@code runsPerDay}. */
    public OptionalDouble monthlyCost(double runsPerDay) {
        return costPerRun.isPresent() ? OptionalDouble.of(costPerRun.getAsDouble() * runsPerDay * 30) : OptionalDouble.empty();
    }

    /** True when the time is known and within {@code targetSeconds}. */
    public boolean meets(OptionalDouble targetSeconds) {
        return targetSeconds.isEmpty() || (seconds.isPresent() && seconds.getAsDouble() <= targetSeconds.getAsDouble());
    }
}
