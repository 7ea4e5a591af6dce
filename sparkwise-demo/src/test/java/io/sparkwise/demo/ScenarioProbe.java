package io.sparkwise.demo;

import io.sparkwise.analysis.Finding;
import java.util.Locale;

/**
 * A developer's tool, not a test: runs scenarios and prints every finding with its evidence, to
 * size a scenario against the rule thresholds. {@code java -cp <test classpath>
 * io.sparkwise.demo.ScenarioProbe NAME...}
 */
final class ScenarioProbe {

    public static void main(String[] args) {
        for (String name : args) {
            ScenarioRuns.Analyzed analyzed = ScenarioRuns.of(name);
            System.out.printf(Locale.ROOT, "=== %s %.1f s %s%n", name, analyzed.run().elapsed().toMillis() / 1000.0,
                    analyzed.run().eventLog());
            for (Finding f : analyzed.analysis().findings()) {
                System.out.printf(Locale.ROOT, "  %-8s %-40s wasted=%.1f %s%n    %s%n", f.severity(), f.ruleId(),
                        f.impact().wastedCoreSeconds(), f.title(), f.evidence());
            }
            System.out.println("  recommendedConfig " + analyzed.analysis().recommendedConfig());
        }
    }
}
