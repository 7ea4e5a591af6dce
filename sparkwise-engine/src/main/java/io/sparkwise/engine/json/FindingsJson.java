package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Scope;

import java.io.IOException;
import java.util.Map;

/** The findings of an application in the JSON report (docs/json.md, "findings"). */
final class FindingsJson {

    private final JsonGenerator json;

    FindingsJson(JsonGenerator json) {
        this.json = json;
    }

    void write(Analysis analysis) throws IOException {
        json.writeArrayFieldStart("findings");
        for (Finding f : analysis.findings()) {
            finding(f);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("recommendedConfig");
        for (Map.Entry<String, String> e : analysis.recommendedConfig().entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        strings("configNotes", analysis.configNotes());
        strings("ruleErrors", analysis.ruleErrors());
    }

    private void finding(Finding f) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", f.key());
        json.writeStringField("ruleId", f.ruleId());
        json.writeStringField("severity", f.severity().label());
        json.writeStringField("title", f.title());
        scope(f.scope());
        json.writeObjectFieldStart("evidence");
        for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
            value(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("impact");
        json.writeNumberField("wastedCoreSeconds", Math.round(f.impact().wastedCoreSeconds() * 10) / 10.0);
        json.writeNumberField("estimatedSavingsPct", Math.round(f.impact().estimatedSavingsPct() * 10) / 10.0);
        json.writeEndObject();
        json.writeObjectFieldStart("recommendation");
        json.writeStringField("text", f.recommendation().text());
        json.writeObjectFieldStart("config");
        for (Map.Entry<String, String> e : f.recommendation().config().entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
        strings("missingEvidence", f.missingEvidence());
        if (f.causedBy().isPresent()) {
            json.writeStringField("causedBy", f.causedBy().get());
        }
        json.writeEndObject();
    }

    private void scope(Scope scope) throws IOException {
        json.writeObjectFieldStart("scope");
        if (scope.jobId().isPresent()) {
            json.writeNumberField("jobId", scope.jobId().getAsInt());
        }
        if (scope.stageId().isPresent()) {
            json.writeNumberField("stageId", scope.stageId().getAsInt());
            json.writeNumberField("stageAttemptId", scope.stageAttemptId().orElse(0));
        }
        if (scope.sqlId().isPresent()) {
            json.writeNumberField("sqlId", scope.sqlId().getAsLong());
        }
        if (scope.executorId().isPresent()) {
            json.writeStringField("executorId", scope.executorId().get());
        }
        json.writeEndObject();
    }

    private void value(String name, Object v) throws IOException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            json.writeNumberField(name, ((Number) v).longValue());
        } else if (v instanceof Number n) {
            json.writeNumberField(name, n.doubleValue());
        } else if (v instanceof Boolean b) {
            json.writeBooleanField(name, b);
        } else {
            json.writeStringField(name, String.valueOf(v));
        }
    }

    private void strings(String name, java.util.List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
