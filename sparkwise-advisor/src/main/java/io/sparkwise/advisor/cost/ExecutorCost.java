package io.sparkwise.advisor.cost;

/**
 * What one executor (or the driver) cost.
 *
 * @param share of an instance the executor occupied: max(cores / vCPU, container / instance memory)
 * @param ratePerHour dollars per hour of this executor (share x (instance price + platform fee), or the serverless rate)
 * @param busyFraction task time / (lifetime x cores), 0..1
 */
public record ExecutorCost(String id, boolean driver, int cores, long containerMib, double hours, double share,
                           double ratePerHour, double busyFraction) {

    public double dollars() {
        return hours * ratePerHour;
    }

    public double busyDollars() {
        return dollars() * busyFraction;
    }

    public double coreHours() {
        return hours * cores;
    }
}
