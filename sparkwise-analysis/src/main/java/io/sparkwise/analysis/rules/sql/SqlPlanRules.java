package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the SQL_PLAN family. */
public final class SqlPlanRules {

    private SqlPlanRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new CartesianProductRule(),
                new SortMergeJoinSmallSideRule(),
                new LargeBroadcastRule(),
                new ScanNoPartitionFilterRule(),
                new ScanNoPushedFiltersRule(),
                new UdfRule(),
                new RepeatedScanRule(),
                new AqeDisabledRule(),
                new ManyExchangesRule());
    }
}
