package io.sparkwise.report.markdown;

import io.sparkwise.report.Units;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    @Test
    void text_htmlAndMarkdownSpecials_areEscaped() {
        assertThat(Markdown.text("count at <console>:15 | a*b_c", 100))
                .isEqualTo("count at &lt;console&gt;:15 \\| a\\*b\\_c");
    }

    @Test
    void text_multiLineAndLong_keepsFirstLineCut() {
        assertThat(Markdown.text("abcdefghij\nsecond", 8)).isEqualTo("abcde...");
    }

    @Test
    void code_withBacktick_usesLongerFence() {
        assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
        assertThat(Markdown.code("x|y")).isEqualTo("`x\\|y`");
    }

    @Test
    void quantities_negativeValues_keepTheirUnits() {
        assertThat(Units.millis(-1500)).isEqualTo("-1.5 s");
        assertThat(Units.bytes(-2048)).isEqualTo("-2.00 KiB");
        assertThat(Units.signed(Units.millis(400), 400)).isEqualTo("+400 ms");
        assertThat(Units.coreMillis(12_345)).isEqualTo("12.3 core-s");
    }

    @Test
    void text_controlsAndLoneSurrogates_areVisibleEscapesAndReplacementCharacters() {
        assertThat(Markdown.text("a\u001b[31m|\u2028\ud800", 100)).isEqualTo("a\\u001b\\[31m\\|\\u2028\ufffd");
    }

    @Test
    void code_backtickRunsAndControls_longerFenceAndVisibleEscapes() {
        assertThat(Markdown.code("a``b\u0007")).isEqualTo("```a``b\\u0007```");
    }
}
