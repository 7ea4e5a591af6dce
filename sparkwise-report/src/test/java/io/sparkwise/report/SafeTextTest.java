package io.sparkwise.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    private static final String EMOJI = "\ud83d\ude00";

    @Test
    void wellFormed_loneSurrogates_becomeReplacementCharacters() {
        assertThat(SafeText.wellFormed("a\ud800b\udfffc\ud83d")).isEqualTo("a\ufffdb\ufffdc\ufffd");
    }

    @Test
    void wellFormed_pairsAndControls_areTheSameString() {
        String s = "app " + EMOJI + " \u001b[31m";
        assertThat(SafeText.wellFormed(s)).isSameAs(s);
    }

    @Test
    void line_controlCharacters_areVisibleEscapes() {
        assertThat(SafeText.line("a\u0007b\u001b[31mc\n\t\r\u0000\u007f\u0085\u009b\u2028\u202e"))
                .isEqualTo("a\\u0007b\\u001b[31mc\\n\\t\\r\\u0000\\u007f\\u0085\\u009b\\u2028\\u202e");
    }

    @Test
    void line_loneSurrogateBesidePair_replacesOnlyTheLoneOne() {
        assertThat(SafeText.line("\udc00" + EMOJI + "\ud800")).isEqualTo("\ufffd" + EMOJI + "\ufffd");
    }

    @Test
    void line_cleanText_isTheSameString() {
        String s = "count at <console>:15 " + EMOJI + " é";
        assertThat(SafeText.line(s)).isSameAs(s);
    }

    @Test
    void lines_newlineAndTab_areKept() {
        assertThat(SafeText.lines("a\n\tb\u001bc")).isEqualTo("a\n\tb\\u001bc");
    }

    @Test
    void cut_atASurrogatePair_cutsBeforeThePair() {
        String s = "abcd" + EMOJI + "efgh";

        assertThat(SafeText.cut(s, 8, "...")).isEqualTo("abcd...");
        assertThat(SafeText.cut(s, 9, "...")).isEqualTo("abcd" + EMOJI + "...");
        assertThat(SafeText.cut("short", 8, "...")).isEqualTo("short");
    }
}
