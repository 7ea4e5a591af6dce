package io.sparkwise.report.html;

import io.sparkwise.report.SafeText;

import java.util.Locale;

/**
 * A small HTML (and inline SVG) writer that escapes every text and attribute value it is given.
 * Application names, SQL descriptions and plan strings come from untrusted event logs, so nothing
 * reaches the page unescaped except the report's own constants passed to {@link #trusted}.
 */
final class Html {

    private final StringBuilder out;

    Html() {
        this(new StringBuilder(64 * 1024));
    }

    Html(StringBuilder out) {
        this.out = out;
    }

    /** {@code <tag a="v" ...>}; {@code attributes} are name, value pairs; a null value omits the pair. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** {@code <tag a="v"/>}, for SVG shapes and void HTML elements. */
    Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag ...>text</tag>}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup written by this report itself (CSS, script, doctype); never a string from a log. */
    Html trusted(String markup) {
        out.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name, value pairs: " + attributes.length + " strings");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    /**
     * Escapes the five characters that matter in text and in double-quoted attribute values, and
     * makes log text safe ({@link SafeText}): a lone surrogate becomes U+FFFD, a control character
     * a visible escape such as &#92;u001b (raw, most are parse errors in HTML and some would
     * reach a terminal that shows the page's source); newline and tab are kept.
     */
    static String escape(String text) {
        if (isPlain(text)) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> i = SafeText.appendSafe(s, text, i, true);
            }
        }
        return s.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '<', '>', '&', '"', '\'' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return SafeText.isClean(text, true);
    }

    /** A number for an SVG coordinate: one decimal, no locale; 0 for NaN or infinity, which SVG cannot draw. */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
