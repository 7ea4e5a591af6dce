package io.sparkwise.eventlog;

import io.sparkwise.eventlog.source.Codec;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.eventlog.source.LogPart;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;

import java.util.List;

/**
 * Run in a child JVM with a small heap by {@link BoundedMemoryTest}: reads a generated log of
 * {@code stages x tasks} tasks and prints the aggregates, which the test checks exactly.
 */
public final class BoundedMemoryCheck {

    public static void main(String[] args) {
        int stages = Integer.parseInt(args[0]);
        int tasks = Integer.parseInt(args[1]);
        LogPart part = new LogPart("generated", -1, Codec.NONE, () -> new GeneratedLogStream(stages, tasks));
        Application app = new EventLogReader().read(new LogInput("generated", LogInput.Layout.SINGLE_FILE,
                List.of(part), false));
        long completed = 0;
        long runTime = 0;
        long input = 0;
        for (StageAttempt s : app.stages()) {
            completed += s.numCompleteTasks();
            runTime += s.metrics().executorRunTime();
            input += s.metrics().inputBytes();
        }
        System.out.println("events=" + app.readReport().events() + " stages=" + app.stages().size()
                + " completedTasks=" + completed + " executorRunTime=" + runTime + " inputBytes=" + input
                + " executorTotalTasks=" + app.executor("1").orElseThrow().totalTasks());
    }
}
