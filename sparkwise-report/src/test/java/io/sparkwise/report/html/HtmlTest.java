package io.sparkwise.report.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlTest {

    @Test
    void escape_markupCharacters_areEntities() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void escape_plainText_isTheSameString() {
        String plain = "stage 3.0 count at Workloads.java:42";
        assertThat(Html.escape(plain)).isSameAs(plain);
    }

    @Test
    void element_attributeValuesAndText_areEscapedAndNullAttributesOmitted() {
        String html = new Html().element("a", "<b>", "href", "\"><script>", "title", null).toString();

        assertThat(html).isEqualTo("<a href=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;</a>");
    }

    @Test
    void open_oddAttributeList_isRejected() {
        assertThatThrownBy(() -> new Html().open("a", "href"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attributes must be name, value pairs: 1 strings");
    }

    @Test
    void escape_controlsAndLoneSurrogates_areVisibleEscapesAndReplacementCharacters() {
        assertThat(Html.escape("a\u001b[31m\u0000\u0085\ud800<b>\n\tz\ud83d\ude00"))
                .isEqualTo("a\\u001b[31m\\u0000\\u0085\ufffd&lt;b&gt;\n\tz\ud83d\ude00");
    }

    @Test
    void num_nonFiniteValues_areZero() {
        assertThat(Html.num(Double.NaN)).isEqualTo("0");
        assertThat(Html.num(Double.POSITIVE_INFINITY)).isEqualTo("0");
        assertThat(Html.num(12.25)).isEqualTo("12.3");
    }
}
