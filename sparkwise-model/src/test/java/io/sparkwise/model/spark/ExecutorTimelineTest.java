package io.sparkwise.model.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Environment;
import io.sparkwise.model.Executor;
import io.sparkwise.model.ReadReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExecutorTimelineTest {

    private static final long START = 1_000_000;
    private static final long END = START + 100_000;

    @Test
    void of_executorsListed_countsThemAndNotTheDriver() {
        ExecutorTimeline timeline = ExecutorTimeline.of(app(
                executor("driver", 2, START, OptionalLong.empty()),
                executor("1", 4, START + 10_000, OptionalLong.of(START + 60_000)),
                executor("2", 4, START + 20_000, OptionalLong.empty())));

        assertThat(timeline.lifetimes()).extracting(l -> l.executor().id()).containsExactly("1", "2");
        // 4 cores x 50 s + 4 cores x 80 s (alive until the application's end)
        assertThat(timeline.coreMs()).isEqualTo(4 * 50_000L + 4 * 80_000L);
        assertThat(timeline.peakCores()).isEqualTo(8);
        assertThat(timeline.totalCores()).isEqualTo(8);
    }

    @Test
    void of_localMode_theDriverIsTheExecutor() {
        ExecutorTimeline timeline = ExecutorTimeline.of(app(executor("driver", 2, START, OptionalLong.empty())));

        assertThat(timeline.coreMs()).isEqualTo(2 * 100_000L);
        assertThat(timeline.peakCores()).isEqualTo(2);
    }

    @Test
    void coreMs_addedBeforeTheStart_countsFromTheStartButIsBilledFromItsAdd() {
        ExecutorTimeline timeline = ExecutorTimeline.of(app(executor("1", 1, START - 5_000, OptionalLong.of(START + 5_000))));
        ExecutorTimeline.Lifetime lifetime = timeline.lifetimes().get(0);

        assertThat(lifetime.fromMs()).isEqualTo(START);
        assertThat(timeline.coreMs()).isEqualTo(5_000L);
        assertThat(lifetime.aliveMs()).isEqualTo(10_000L);
    }

    @Test
    void coreMs_removedAfterTheEnd_countsUntilItsRemoval() {
        ExecutorTimeline timeline = ExecutorTimeline.of(app(executor("1", 1, START, OptionalLong.of(END + 7_000))));

        assertThat(timeline.coreMs()).isEqualTo(107_000L);
        assertThat(timeline.coreMs(START, END)).isEqualTo(100_000L);
        assertThat(timeline.lifetimes().get(0).removed()).isTrue();
    }

    @Test
    void coreMs_window_clipsEachLifetime() {
        ExecutorTimeline timeline = ExecutorTimeline.of(app(
                executor("1", 2, START, OptionalLong.of(START + 30_000)),
                executor("2", 3, START + 20_000, OptionalLong.empty())));

        // [10 s, 40 s]: executor 1 for 20 s x 2 cores, executor 2 for 20 s x 3 cores
        assertThat(timeline.coreMs(START + 10_000, START + 40_000)).isEqualTo(40_000L + 60_000L);
        assertThat(timeline.coreMs(END + 1, END + 2)).isZero();
    }

    @Test
    void peakCores_replacedAtTheSameInstant_doesNotCountTwice() {
        ExecutorTimeline timeline = ExecutorTimeline.of(app(
                executor("1", 4, START, OptionalLong.of(START + 50_000)),
                executor("2", 4, START + 50_000, OptionalLong.empty())));

        assertThat(timeline.peakCores()).isEqualTo(4);
        assertThat(timeline.totalCores()).isEqualTo(8);
    }

    @Test
    void of_noExecutorsAtAll_isEmpty() {
        ExecutorTimeline timeline = ExecutorTimeline.of(app());

        assertThat(timeline.coreMs()).isZero();
        assertThat(timeline.peakCores()).isZero();
    }

    @Test
    void applicationStart_noStartTime_isTheEndMinusTheDuration() {
        ApplicationInfo info = info(OptionalLong.empty(), OptionalLong.empty(), 40_000, END);
        Application app = new Application(info, Environment.EMPTY, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), readReport());

        assertThat(ExecutorTimeline.applicationEndMs(app)).isEqualTo(END);
        assertThat(ExecutorTimeline.applicationStartMs(app)).isEqualTo(END - 40_000);
    }

    private static Application app(Executor... executors) {
        return new Application(info(OptionalLong.of(START), OptionalLong.of(END), END - START, END), Environment.EMPTY,
                List.of(), List.of(), List.of(), List.of(executors), List.of(), List.of(), readReport());
    }

    private static ApplicationInfo info(OptionalLong start, OptionalLong end, long duration, long lastEvent) {
        return new ApplicationInfo("app-1", "timeline", Optional.empty(), "user", start, end, duration, lastEvent,
                Optional.of("4.0.1"), Optional.of("yarn"), ClusterManager.YARN, end.isPresent());
    }

    private static ReadReport readReport() {
        return new ReadReport("log", List.of("log"), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, false, false, List.of());
    }

    private static Executor executor(String id, int cores, long add, OptionalLong remove) {
        return new Executor(id, "host:1", "host", remove.isEmpty(), cores, cores, add, remove,
                remove.isPresent() ? Optional.of("gone") : Optional.empty(), 0, Optional.empty(), 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, false, List.of(), 0, Map.of(), Map.of(), Map.of(), Optional.empty());
    }
}
