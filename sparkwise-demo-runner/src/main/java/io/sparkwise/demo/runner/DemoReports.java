package io.sparkwise.demo.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * How a front end shows the analysis of the demo's event logs. The CLI hands them to its own
 * {@code analyze} command, so the demo prints exactly what {@code analyze} prints; each method
 * returns that command's exit code.
 */
public interface DemoReports {

    /** The full text analysis of {@code eventLogs}, on the terminal. */
    int text(List<String> eventLogs);

    /** The text analysis of {@code eventLogs} written to {@code file}, nothing on the terminal. */
    int textFile(List<String> eventLogs, Path file);

    /**
     * Self-contained HTML: one page at {@code target} for one log, or for several a directory
     * {@code target} with a page per log and an {@code index.html}.
     */
    int html(List<String> eventLogs, Path target);
}
