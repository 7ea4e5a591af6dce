package io.sparkwise.analysis.rules;

import io.sparkwise.analysis.Rule;
import io.sparkwise.analysis.rules.skew.SkewRules;
import io.sparkwise.analysis.rules.partitioning.PartitioningRules;
import io.sparkwise.analysis.rules.sql.SqlPlanRules;
import io.sparkwise.analysis.rules.memory.MemoryRules;
import io.sparkwise.analysis.rules.gc.GcRules;
import io.sparkwise.analysis.rules.failures.FailureRules;
import io.sparkwise.analysis.rules.resources.ResourceRules;
import io.sparkwise.analysis.rules.config.ConfigurationRules;

import java.util.ArrayList;
import java.util.List;

/** Every built-in rule, family by family (one registry class per family package). */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(SkewRules.all());
        rules.addAll(PartitioningRules.all());
        rules.addAll(SqlPlanRules.all());
        rules.addAll(MemoryRules.all());
        rules.addAll(GcRules.all());
        rules.addAll(FailureRules.all());
        rules.addAll(ResourceRules.all());
        rules.addAll(ConfigurationRules.all());
        return List.copyOf(rules);
    }
}
