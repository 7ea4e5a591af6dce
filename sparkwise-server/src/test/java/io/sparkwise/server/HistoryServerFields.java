package io.sparkwise.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one of our answers with the History Server's answer to the same request, field by
 * field: every field it wrote must be in ours with the same value, except the fields named as
 * differing by design. Fields only we write are allowed (the History Server's clients ignore
 * unknown fields). Made for every endpoint: the list, one application, and next jobs, stages,
 * executors, environment and SQL.
 */
final class HistoryServerFields {

    /**
     * The log's modification time: the History Server's reading is of the file it was given, ours
     * of the copy the test made, so they differ by when the files were written, not by meaning.
     */
    static final Set<String> MODIFICATION_TIME = Set.of("lastUpdated", "lastUpdatedEpoch");

    private HistoryServerFields() {
    }

    /** The differences, each with its JSON path; empty when ours answers as the History Server does. */
    static List<String> differences(JsonNode ours, JsonNode historyServer, Set<String> differingByDesign) {
        List<String> differences = new ArrayList<>();
        compare("$", ours, historyServer, differingByDesign, differences);
        return differences;
    }

    private static void compare(String path, JsonNode ours, JsonNode expected, Set<String> ignored, List<String> out) {
        if (ours == null || ours.isMissingNode()) {
            out.add(path + ": missing, History Server has " + expected);
        } else if (expected.isObject()) {
            if (!ours.isObject()) {
                out.add(path + ": " + ours + ", History Server has an object");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!ignored.contains(field.getKey())) {
                    compare(path + "." + field.getKey(), ours.get(field.getKey()), field.getValue(), ignored, out);
                }
            }
        } else if (expected.isArray()) {
            if (!ours.isArray() || ours.size() != expected.size()) {
                out.add(path + ": " + ours.size() + " elements, History Server has " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", ours.get(i), expected.get(i), ignored, out);
            }
        } else if (!ours.equals(expected) && !(ours.isNumber() && expected.isNumber()
                && ours.decimalValue().compareTo(expected.decimalValue()) == 0)) {
            out.add(path + ": " + ours + ", History Server has " + expected);
        }
    }
}
