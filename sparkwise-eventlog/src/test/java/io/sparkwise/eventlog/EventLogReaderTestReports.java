package io.sparkwise.eventlog;

import io.sparkwise.model.ReadReport;

import java.util.List;
import java.util.Map;

/** Read reports for snapshots taken while a log is still being read. */
final class EventLogReaderTestReports {

    private EventLogReaderTestReports() {
    }

    static ReadReport live(String source) {
        return new ReadReport(source, List.of(), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, false, true, List.of());
    }
}
