package io.sparkwise.server.ingest;

import java.util.List;

/**
 * What one scan of the event-log directories did.
 *
 * @param found logs discovered
 * @param unchanged logs skipped: same size and modification time as when ingested
 * @param analyzed logs analyzed and stored
 * @param failed logs that could not be analyzed, stored with why
 * @param problems directories that could not be listed, and logs that could not be stored
 */
public record ScanSummary(int found, int unchanged, int analyzed, int failed, List<String> problems) {

    public ScanSummary {
        problems = List.copyOf(problems);
    }
}
