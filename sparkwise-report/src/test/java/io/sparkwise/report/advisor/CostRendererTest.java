package io.sparkwise.report.advisor;

import io.sparkwise.advisor.cost.CostReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class CostRendererTest {

    @Test
    void json_applicationIdWithControlsAndLoneSurrogate_writtenSafeLikeEveryJsonDocument() {
        // The application id is copied from the log: a terminal escape, C1 control and a lone surrogate.
        CostReport cost = new CostReport("app-\u001b[31m\u0085\ud800", "aws m5.xlarge", List.of(), 1.0, 0.5, 0.25,
                0.25, 0.1, Optional.empty(), Optional.empty(), List.of(), OptionalInt.empty(), List.of(), List.of(),
                List.of());

        String json = new CostRenderer().json(cost);

        assertThat(json).startsWith("{").endsWith("}" + System.lineSeparator());
        assertThat(json).contains("\"applicationId\" : \"app-\\u001B[31m\\u0085\ufffd\"");
        assertThat(json).doesNotContain("\u001b", "\u0085", "\ud800");
    }
}
