package io.sparkwise.demo;

import io.sparkwise.demo.scenarios.CartesianJoinScenario;
import io.sparkwise.demo.scenarios.CleanScenario;
import io.sparkwise.demo.scenarios.ExecutorOomScenario;
import io.sparkwise.demo.scenarios.GcPressureScenario;
import io.sparkwise.demo.scenarios.HugePartitionsScenario;
import io.sparkwise.demo.scenarios.IdleExecutorsScenario;
import io.sparkwise.demo.scenarios.PartitionPruningScenario;
import io.sparkwise.demo.scenarios.SkewedJoinScenario;
import io.sparkwise.demo.scenarios.SmallFilesScenario;
import io.sparkwise.demo.scenarios.SpillScenario;
import io.sparkwise.demo.scenarios.TinyTasksScenario;
import io.sparkwise.demo.scenarios.UdfFilterScenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of scenarios, in the order {@code --list} shows them. */
public final class Scenarios {

    /** {@code --scenario all} runs every registered scenario. */
    public static final String ALL = "all";

    /**
     * What a run without {@code --scenario} runs: everything, because the demo is there to show what
     * Sparkwise finds on each known problem (issue #7: "{@code demo} runs them all").
     */
    public static final String DEFAULT = ALL;

    private static final Map<String, Scenario> BY_NAME = register(
            new CleanScenario(),
            new SkewedJoinScenario(),
            new SpillScenario(),
            new TinyTasksScenario(),
            new SmallFilesScenario(),
            new CartesianJoinScenario(),
            new UdfFilterScenario(),
            new PartitionPruningScenario(),
            new HugePartitionsScenario(),
            new IdleExecutorsScenario(),
            new ExecutorOomScenario(),
            new GcPressureScenario());

    private Scenarios() {}

    public static List<Scenario> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<Scenario> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Resolves a comma-separated list of names ({@code clean,skewed-join}) or {@code all}.
     *
     * @throws IllegalArgumentException naming the unknown scenario and the known ones
     */
    public static List<Scenario> resolve(String names) {
        if (names.equals(ALL)) {
            return all();
        }
        List<Scenario> result = new ArrayList<>();
        for (String name : names.split(",", -1)) {
            String trimmed = name.trim();
            result.add(byName(trimmed).orElseThrow(() -> new IllegalArgumentException(
                    "unknown scenario '" + trimmed + "'; known: " + String.join(", ", BY_NAME.keySet())
                            + ", or " + ALL)));
        }
        return Collections.unmodifiableList(result);
    }

    private static Map<String, Scenario> register(Scenario... scenarios) {
        Map<String, Scenario> map = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            if (map.put(scenario.name(), scenario) != null) {
                throw new IllegalStateException("two scenarios named " + scenario.name());
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
