package io.sparkwise.report.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.engine.json.WhatIfJson;
import io.sparkwise.report.JsonDocument;
import io.sparkwise.report.SparkwiseVersion;
import io.sparkwise.simulator.WhatIf;

import java.io.IOException;
import java.io.Writer;

/**
 * The what-if replays as JSON, documented in {@code docs/json.md} ("simulate"). Times in ms, as
 * the History Server's durations. The fields are the engine's ({@link WhatIfJson}), the same as
 * the {@code simulation} of a stored result; this class writes the document around them.
 */
final class SimulationJson implements SimulationRenderer {

    /** Bumped on renames and removals only; additions keep it. */
    static final int SCHEMA_VERSION = 1;

    @Override
    public void render(WhatIf whatIf, Writer out) throws IOException {
        JsonDocument.write(out, json -> write(whatIf, json));
    }

    /** The document: its schema version and generator, then the what-if's fields as the engine writes them. */
    private static void write(WhatIf w, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("generator", "sparkwise " + SparkwiseVersion.get());
        WhatIfJson.writeFields(w, json);
        json.writeEndObject();
    }
}
