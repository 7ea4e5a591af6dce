package io.sparkwise.advisor.plan;

import static java.util.Objects.requireNonNull;

/**
 * What a past run says one executor needs (from peak executor metrics and spill), per executor
 * core so it carries over to another executor size.
 *
 * @param unifiedMibPerCore unified (execution + storage) memory one running task needed, spill included
 * @param overheadMibPerCore off-heap (non-JVM-heap) memory one core's share needs, from RSS; 0 when unknown
 * @param why the numbers from the log and the formula, one sentence
 */
public record MemoryNeed(double unifiedMibPerCore, double overheadMibPerCore, String why) {

    public MemoryNeed {
        requireNonNull(why, "why is null");
        if (!(unifiedMibPerCore >= 0) || !(overheadMibPerCore >= 0)) {
            throw new IllegalArgumentException("memory need must be 0 or more: " + unifiedMibPerCore + ", " + overheadMibPerCore);
        }
    }
}
