package io.sparkwise.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-side ground truth, independent of the Sparkwise parser: per stage, how the shuffle records
 * read are spread over its tasks. Uses Jackson databind from Spark's own classpath (the demo
 * module has Spark, so this costs nothing and keeps the check outside the code under test).
 */
record ShuffleReadSkew(int stageId, int tasks, long maxRecords, long medianRecords) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Max over median; 1 when the tasks read evenly. */
    double ratio() {
        return medianRecords == 0 ? 0 : (double) maxRecords / medianRecords;
    }

    /** Stages with at least two tasks that read shuffle records, by stage id. */
    static List<ShuffleReadSkew> of(Path eventLog) {
        Map<Integer, List<Long>> recordsByStage = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(eventLog)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("{\"Event\":\"SparkListenerTaskEnd\"")) {
                    JsonNode event = JSON.readTree(line);
                    long records = event.path("Task Metrics").path("Shuffle Read Metrics")
                            .path("Total Records Read").asLong();
                    if (records > 0) {
                        recordsByStage.computeIfAbsent(event.get("Stage ID").asInt(), id -> new ArrayList<>())
                                .add(records);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ShuffleReadSkew> result = new ArrayList<>();
        recordsByStage.forEach((stage, records) -> {
            if (records.size() >= 2) {
                List<Long> sorted = records.stream().sorted().toList();
                result.add(new ShuffleReadSkew(stage, sorted.size(), sorted.get(sorted.size() - 1),
                        sorted.get(sorted.size() / 2)));
            }
        });
        return result;
    }
}
