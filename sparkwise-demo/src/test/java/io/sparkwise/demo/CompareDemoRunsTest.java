package io.sparkwise.demo;

import io.sparkwise.analysis.compare.Comparison;
import io.sparkwise.analysis.compare.ConfigChange;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Why did tonight's run take longer?" on two real runs of the same workload: the spill scenario
 * with Spark's default execution memory (before) and with spark.memory.fraction=0.02 (after, its
 * injected problem). compare must name the changed key and put the sort stage that spilled first.
 */
@Tag("integration")
class CompareDemoRunsTest {

    /** The spill scenario's workload with Spark's default memory fraction: the same job, no spill. */
    private static final class WithoutSpill implements Scenario {
        private final Scenario spill = Scenarios.byName("spill").orElseThrow();

        @Override
        public String name() {
            return "spill-fixed";
        }

        @Override
        public String description() {
            return "the spill workload with spark.memory.fraction at its default";
        }

        @Override
        public Set<String> expectedRules() {
            return Set.of();
        }

        @Override
        public Map<String, String> sessionConfig() {
            return Map.of();
        }

        @Override
        public void run(SparkSession spark, Path dataDir) {
            spill.run(spark, dataDir);
        }
    }

    @Test
    void compare_sameWorkloadWithLessExecutionMemory_namesTheKeyAndMatchesTheSpillingSortStage() {
        ScenarioRuns.Analyzed after = ScenarioRuns.of("spill");
        ScenarioRuns.Analyzed before = ScenarioRuns.analyze(DemoRunner.run(new WithoutSpill(), ScenarioRuns.out()));

        Comparison comparison = Comparison.of(before.application(), before.analysis().findings(),
                after.application(), after.analysis().findings());

        assertThat(comparison.configChanges()).extracting(ConfigChange::key).contains("spark.memory.fraction");
        ConfigChange fraction = comparison.configChanges().stream()
                .filter(c -> c.key().equals("spark.memory.fraction")).findFirst().orElseThrow();
        assertThat(fraction.before()).isEmpty();
        assertThat(fraction.after()).isEqualTo(Optional.of("0.02"));
        // The sort stage that spilled in the after run is matched to the same stage in the before
        // run, which did not spill. (Not asserted: that it got slower; at demo scale the spill costs
        // less than run-to-run noise on a loaded machine.)
        assertThat(comparison.matchedStages()).anySatisfy(d -> {
            assertThat(after.application().stage(d.after().stageId(), 0).orElseThrow().metrics().diskBytesSpilled()).isPositive();
            assertThat(before.application().stage(d.before().stageId(), 0).orElseThrow().metrics().diskBytesSpilled()).isZero();
        });
        assertThat(comparison.appearedFindings()).extracting(f -> f.ruleId()).contains("memory.spill");
    }
}
