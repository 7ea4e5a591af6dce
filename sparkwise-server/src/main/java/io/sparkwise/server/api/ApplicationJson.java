package io.sparkwise.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.engine.json.JsonTime;
import io.sparkwise.server.db.AttemptRow;
import io.sparkwise.server.db.FindingRow;

import java.io.IOException;
import java.util.List;

/**
 * Writes stored attempts as the History Server's {@code ApplicationInfo} (its
 * {@code /api/v1/applications} entries): the fields and units it uses, its date format, and its
 * values for an incomplete attempt ({@code endTime} -1, {@code duration} 0), so scripts written
 * against the History Server read ours unchanged. {@code lastUpdated} is the log's modification
 * time, as there.
 */
final class ApplicationJson {

    private ApplicationJson() {
    }

    /** One application: its id, the name of its newest attempt, and its attempts, newest first. */
    static void application(JsonGenerator json, List<AttemptRow> attemptsNewestFirst) throws IOException {
        AttemptRow newest = attemptsNewestFirst.get(0);
        json.writeStartObject();
        json.writeStringField("id", newest.appId());
        json.writeStringField("name", newest.name());
        json.writeArrayFieldStart("attempts");
        for (AttemptRow attempt : attemptsNewestFirst) {
            attempt(json, attempt);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void attempt(JsonGenerator json, AttemptRow a) throws IOException {
        long start = a.startEpoch().orElse(-1);
        long end = a.completed() ? a.endEpoch().orElse(-1) : -1;
        json.writeStartObject();
        if (a.attemptId().isPresent()) {
            json.writeStringField("attemptId", a.attemptId().get());
        }
        json.writeStringField("startTime", JsonTime.historyServer(start));
        json.writeStringField("endTime", JsonTime.historyServer(end));
        json.writeStringField("lastUpdated", JsonTime.historyServer(a.modifiedEpoch()));
        // The History Server's duration of an incomplete attempt is 0; ours (last event minus start) is in the findings.
        json.writeNumberField("duration", a.completed() ? a.durationMs() : 0);
        json.writeStringField("sparkUser", a.sparkUser());
        json.writeBooleanField("completed", a.completed());
        json.writeStringField("appSparkVersion", a.sparkVersion().orElse(""));
        json.writeNumberField("startTimeEpoch", start);
        json.writeNumberField("endTimeEpoch", end);
        json.writeNumberField("lastUpdatedEpoch", a.modifiedEpoch());
        json.writeEndObject();
    }

    /** Ours: the findings of one attempt, by their stable keys, in rank order. */
    static void findings(JsonGenerator json, AttemptRow attempt, List<FindingRow> findings) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", attempt.appId());
        if (attempt.attemptId().isPresent()) {
            json.writeStringField("attemptId", attempt.attemptId().get());
        }
        json.writeStringField("jobKey", attempt.jobKey());
        json.writeArrayFieldStart("findings");
        for (FindingRow f : findings) {
            json.writeStartObject();
            json.writeStringField("key", f.key());
            json.writeStringField("ruleId", f.ruleId());
            json.writeStringField("severity", f.severity());
            json.writeStringField("title", f.title());
            json.writeObjectFieldStart("impact");
            json.writeNumberField("wastedCoreSeconds", Math.round(f.wastedCoreSeconds() * 10) / 10.0);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
