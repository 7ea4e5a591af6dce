package io.sparkwise.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDocumentTest {

    private static final String HOSTILE = "a\u0007\u001b[31m\u007f\u0085\u009b\u2028\u202e\ud800\ud83d\ude00";

    private static String document(String key, String value) throws IOException {
        StringWriter out = new StringWriter();
        JsonDocument.write(out, json -> {
            json.writeStartObject();
            json.writeStringField(key, value);
            json.writeEndObject();
        });
        return out.toString();
    }

    @Test
    void write_controlsInStrings_areEscapedAndNoneIsWrittenRaw() throws IOException {
        String json = document("name", HOSTILE);

        assertThat(json).contains("\"a\\u0007\\u001B[31m\\u007F\\u0085\\u009B\\u2028\\u202E\ufffd\ud83d\ude00\"");
        assertThat(json.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F)).isEmpty();
    }

    @Test
    void write_loneSurrogatesInKeysAndValues_becomeReplacementCharacters() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(document("k\udc00", "v\ud800"));

        assertThat(tree.get("k\ufffd").asText()).isEqualTo("v\ufffd");
    }
}
