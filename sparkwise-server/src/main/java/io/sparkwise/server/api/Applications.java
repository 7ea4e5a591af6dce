package io.sparkwise.server.api;

import io.sparkwise.server.db.AttemptRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups stored attempts into applications as the History Server lists them: one entry per
 * application id with its attempts newest first (by start time), entries by the end time of their
 * newest attempt, latest first (an incomplete one, end -1, last), as its {@code endTime} index.
 */
final class Applications {

    /** Two logs of the same attempt (a copy): the one modified last is served. */
    private static final Comparator<AttemptRow> PREFERRED = Comparator.comparingLong(AttemptRow::modifiedEpoch)
            .thenComparing(AttemptRow::sourcePath);

    private static final Comparator<AttemptRow> NEWEST_FIRST =
            Comparator.comparingLong((AttemptRow a) -> a.startEpoch().orElse(-1)).reversed()
                    .thenComparing(a -> a.attemptId().orElse(""), Comparator.reverseOrder());

    private Applications() {
    }

    /** Applications, each a non-empty list of attempts newest first, in the History Server's list order. */
    static List<List<AttemptRow>> group(List<AttemptRow> attempts) {
        Map<String, Map<String, AttemptRow>> byApp = new LinkedHashMap<>();
        for (AttemptRow a : attempts) {
            byApp.computeIfAbsent(a.appId(), id -> new LinkedHashMap<>())
                    .merge(a.attemptId().orElse(""), a, (x, y) -> PREFERRED.compare(x, y) >= 0 ? x : y);
        }
        List<List<AttemptRow>> apps = new ArrayList<>();
        for (Map<String, AttemptRow> app : byApp.values()) {
            List<AttemptRow> list = new ArrayList<>(app.values());
            list.sort(NEWEST_FIRST);
            apps.add(list);
        }
        apps.sort(Comparator.comparingLong((List<AttemptRow> app) -> endTime(app.get(0))).reversed()
                .thenComparing(app -> app.get(0).appId()));
        return apps;
    }

    /** The attempt {@code attemptId} of a grouped application, or its newest when empty. */
    static Optional<AttemptRow> attempt(List<AttemptRow> app, Optional<String> attemptId) {
        if (attemptId.isEmpty()) {
            return Optional.of(app.get(0));
        }
        return app.stream().filter(a -> a.attemptId().equals(attemptId)).findFirst();
    }

    static boolean anyRunning(List<AttemptRow> app) {
        return app.stream().anyMatch(a -> !a.completed());
    }

    private static long endTime(AttemptRow a) {
        return a.completed() ? a.endEpoch().orElse(-1) : -1;
    }
}
