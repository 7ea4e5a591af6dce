package io.sparkwise.advisor.cost;

/** The dollars a diagnostics finding wastes per run: its wasted core-seconds x the run's price per core-second. */
public record FindingSaving(String ruleId, String title, double wastedCoreSeconds, double dollars) {
}
