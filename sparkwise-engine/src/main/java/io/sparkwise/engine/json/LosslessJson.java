package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.analysis.Finding;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code lossless} section of a stored result (docs/json.md, "lossless"): what the report's
 * fields leave out or round, so that {@link ResultJson#fromJson(String)} rebuilds the very objects
 * that were written. Arrays here run parallel to the report's arrays of the same name.
 *
 * <p>Why a section of its own and not more report fields: the per-stage sketches alone would make
 * the analyze report several times larger for a use (loading results back) that most readers of
 * the report do not have; consumers of the report skip one field instead of many.
 */
final class LosslessJson {

    /** The section's own version, by the rules of docs/json.md "Versioning": a reader refuses others. */
    static final int VERSION = 1;

    private final JsonGenerator json;

    LosslessJson(JsonGenerator json) {
        this.json = json;
    }

    void write(AnalysisResult result) throws IOException {
        Application app = result.application();
        json.writeObjectFieldStart(ResultJson.LOSSLESS);
        json.writeNumberField("version", VERSION);
        properties("hadoopProperties", app.environment().hadoopProperties());
        properties("systemProperties", app.environment().systemProperties());
        properties("metricsProperties", app.environment().metricsProperties());
        json.writeArrayFieldStart("executorHosts");
        for (Executor executor : app.executors()) {
            json.writeString(executor.host());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("stages");
        for (StageAttempt stage : app.stages()) {
            stage(stage);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("sql");
        for (SqlExecution execution : app.sqlExecutions()) {
            sql(execution);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("findings");
        for (Finding finding : result.analysis().findings()) {
            finding(finding);
        }
        json.writeEndArray();
        if (result.cost().isPresent()) {
            CostJson.writeLossless(result.cost().get(), json);
        }
        if (result.simulation().isPresent()) {
            WhatIfJson.writeLossless(result.simulation().get(), json);
        }
        json.writeEndObject();
    }

    /** As the report's {@code sparkProperties}: [key, value] pairs in the log's order. */
    private void properties(String name, Map<String, String> properties) throws IOException {
        json.writeArrayFieldStart(name);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            json.writeStartArray();
            json.writeString(property.getKey());
            json.writeString(property.getValue());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private void stage(StageAttempt stage) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("localitySummary");
        for (Map.Entry<String, Long> entry : new TreeMap<>(stage.localitySummary()).entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("taskSketches");
        for (Map.Entry<TaskQuantity, QuantileSketch> sketch : stage.taskDistributions().sketches().entrySet()) {
            json.writeFieldName(sketch.getKey().apiName());
            long[] encoded = sketch.getValue().encode();
            json.writeArray(encoded, 0, encoded.length);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void sql(SqlExecution execution) throws IOException {
        json.writeStartObject();
        json.writeStringField("details", execution.details());
        // [accumulatorId, sum, min, max, updates], by accumulator id: the report writes only the
        // sums of the plan's own metrics.
        json.writeArrayFieldStart("metricValues");
        for (Map.Entry<Long, SqlExecution.SqlMetricValue> value : new TreeMap<>(execution.metricValues()).entrySet()) {
            SqlExecution.SqlMetricValue v = value.getValue();
            json.writeArray(new long[] {value.getKey(), v.sum(), v.min(), v.max(), v.updates()}, 0, 5);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A double as it is; an infinite one (Impact allows it) as its text, which JSON has no number for. */
    private void exact(double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Double.toString(value));
        }
    }

    /**
     * The impact unrounded, and the evidence values the report's field would not give back as
     * they are (an int, a list, a NaN), each as a one-field object naming its Java type.
     */
    private void finding(Finding finding) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("impact");
        exact(finding.impact().wastedCoreSeconds());
        exact(finding.impact().estimatedSavingsPct());
        json.writeEndArray();
        json.writeObjectFieldStart("evidence");
        for (Map.Entry<String, Object> evidence : finding.evidence().entrySet()) {
            if (!EvidenceValues.readsBackAsIs(evidence.getValue())) {
                json.writeFieldName(evidence.getKey());
                EvidenceValues.writeTyped(json, evidence.getValue());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
