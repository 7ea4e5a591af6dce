package io.sparkwise.demo.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoSpreadTest {

    private static DemoSpread spread(long... values) {
        return DemoSpread.of(java.util.Arrays.stream(values).boxed().toList(), Long::longValue);
    }

    @Test
    void of_oddCount_isMiddleValueAndRange() {
        assertThat(spread(31_000, 29_500, 40_200)).isEqualTo(new DemoSpread(31_000, 29_500, 40_200));
    }

    @Test
    void of_evenCount_isMeanOfTheMiddleTwo() {
        assertThat(spread(10, 40, 20, 30)).isEqualTo(new DemoSpread(25, 10, 40));
    }

    @Test
    void of_noRuns_isRejected() {
        assertThatThrownBy(() -> DemoSpread.of(List.<Long>of(), Long::longValue))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no runs");
    }

    @Test
    void versus_rangesApart_isImprovedOrWorse_overlapping_isNoChange() {
        DemoSpread before = spread(50, 55, 60);

        assertThat(spread(30, 35, 49).versus(before)).isEqualTo(DemoVerdict.IMPROVED);
        assertThat(spread(61, 70, 80).versus(before)).isEqualTo(DemoVerdict.WORSE);
        // One after-run as slow as the fastest before-run: inside the noise.
        assertThat(spread(30, 35, 50).versus(before)).isEqualTo(DemoVerdict.NO_MEASURABLE_CHANGE);
    }

    @Test
    void combine_improvedAndWorse_isMixed_improvedAndUnchanged_isImproved() {
        assertThat(DemoVerdict.combine(List.of(DemoVerdict.IMPROVED, DemoVerdict.WORSE))).isEqualTo(DemoVerdict.MIXED);
        assertThat(DemoVerdict.combine(List.of(DemoVerdict.NO_MEASURABLE_CHANGE, DemoVerdict.IMPROVED)))
                .isEqualTo(DemoVerdict.IMPROVED);
        assertThat(DemoVerdict.combine(List.of(DemoVerdict.NO_MEASURABLE_CHANGE, DemoVerdict.WORSE)))
                .isEqualTo(DemoVerdict.WORSE);
    }

    @Test
    void outcomeVerdict_fewerCoreSecondsSameWallTime_isImproved() {
        // idle-executors' case: the fix frees executors (core-seconds) without making the queries faster.
        List<DemoRunMetrics> before = List.of(new DemoRunMetrics(80_000, 1_200_000, 40_000),
                new DemoRunMetrics(85_000, 1_300_000, 41_000), new DemoRunMetrics(90_000, 1_350_000, 42_000));
        List<DemoRunMetrics> after = List.of(new DemoRunMetrics(84_000, 160_000, 40_000),
                new DemoRunMetrics(88_000, 170_000, 40_000), new DemoRunMetrics(95_000, 190_000, 41_000));

        DemoFixOutcome outcome = new DemoFixOutcome("idle-executors", Map.of("spark.executor.instances", "1"), "",
                before, after, Set.of("resources.idle-executors"), Set.of("resources.idle-executors"), Set.of());

        assertThat(outcome.verdict()).isEqualTo(DemoVerdict.IMPROVED);
        assertThat(DemoFixOutcome.render(List.of(outcome), 3)).anySatisfy(l -> assertThat(l)
                .startsWith("  idle-executors  1 setting").contains("85.0 (80.0-90.0)", "1300 (1200-1350)",
                        "170 (160-190)", "improved", "gone: resources.idle-executors"));
    }

    @Test
    void render_talliesTheScenariosAFixImproved_notCountingThoseWithoutAFix() {
        List<DemoRunMetrics> slow = List.of(new DemoRunMetrics(50_000, 100_000, 40_000),
                new DemoRunMetrics(55_000, 110_000, 41_000));
        List<DemoRunMetrics> fast = List.of(new DemoRunMetrics(20_000, 40_000, 20_000),
                new DemoRunMetrics(22_000, 44_000, 21_000));
        Set<String> rule = Set.of("memory.spill");
        List<DemoFixOutcome> outcomes = List.of(
                new DemoFixOutcome("clean", Map.of(), "", slow, List.of(), Set.of(), Set.of(), Set.of()),
                new DemoFixOutcome("spill", Map.of("spark.memory.fraction", "0.6"), "", slow, fast, rule, rule, Set.of()),
                new DemoFixOutcome("udf", Map.of(), "the fixed query", slow, slow, rule, rule, Set.of()),
                new DemoFixOutcome("skew", Map.of("k", "v"), "", slow, fast, rule, rule, Set.of()));

        assertThat(DemoFixOutcome.render(outcomes, 2))
                .contains("  Improved measurably: 2 of 3 scenarios with a fix (67%).");
    }
}
