package io.sparkwise.eventlog;

import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.SparkEvent;
import io.sparkwise.state.event.TaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventObserverTest {

    @TempDir
    Path dir;

    private final EventLogReader reader = new EventLogReader();

    @Test
    void read_observer_seesEveryEventInLogOrderAfterItWasApplied() throws IOException {
        Path file = SyntheticLog.minimalApp().end(2000).write(dir.resolve("app-1"));
        List<SparkEvent> seen = new ArrayList<>();
        List<Integer> completedTasksSeen = new ArrayList<>();
        reader.read(reader.discover(file.toString()).get(0), bytes -> { }, (event, state) -> {
            seen.add(event);
            if (event instanceof TaskEnd) {
                completedTasksSeen.add(state.snapshot(EventLogReaderTestReports.live("app-1"), "app-1")
                        .stage(0, 0).orElseThrow().numCompleteTasks());
            }
        });

        assertThat(seen).hasSize(13);
        assertThat(completedTasksSeen).containsExactly(1, 2);
    }

    @Test
    void read_observerThrows_endsTheReadInsteadOfCountingADamagedLine() throws IOException {
        Path file = SyntheticLog.minimalApp().end(2000).write(dir.resolve("app-1"));

        assertThatThrownBy(() -> reader.read(reader.discover(file.toString()).get(0), bytes -> { }, (event, state) -> {
            if (event instanceof JobStart) {
                throw new IllegalStateException("rule failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("rule failed");
    }
}
