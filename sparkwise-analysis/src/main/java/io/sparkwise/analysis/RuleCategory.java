package io.sparkwise.analysis;

/** Rule families. The order is the order of root causes: earlier families cause later symptoms. */
public enum RuleCategory {
    SKEW, PARTITIONING, SQL_PLAN, SPILL_AND_MEMORY, GC, FAILURES, RESOURCES, CONFIGURATION
}
