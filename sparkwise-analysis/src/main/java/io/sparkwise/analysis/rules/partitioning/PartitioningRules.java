package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the PARTITIONING family. */
public final class PartitioningRules {

    private PartitioningRules() {
    }

    public static List<Rule> all() {
        return List.of(new TinyTasksRule(), new HugePartitionsRule(), new DefaultShufflePartitionsRule(),
                new SmallFilesRule());
    }
}
