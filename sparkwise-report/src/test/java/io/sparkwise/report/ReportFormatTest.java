package io.sparkwise.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFormatTest {

    @Test
    void fromName_anyCase_findsFormatAndItsRenderer() {
        assertThat(ReportFormat.fromName("json")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.fromName("TEXT").renderer()).isInstanceOf(TextReport.class);
    }

    @Test
    void fromName_unknown_namesTheChoices() {
        assertThatThrownBy(() -> ReportFormat.fromName("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected one of text, json, markdown, html but was 'xml'");
    }
}
