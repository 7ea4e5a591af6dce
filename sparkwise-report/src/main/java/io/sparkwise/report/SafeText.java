package io.sparkwise.report;

/**
 * Text taken from an event log, made safe to write in a report. Event logs are untrusted input:
 * Jackson decodes JSON escapes such as "&#92;ud800", and also encoded surrogates
 * ({@code ED A0 80}) and 4-byte sequences above U+10FFFF, into lone surrogates that no UTF-8
 * encoder can write; names, properties and messages can carry terminal escapes
 * ({@code ESC ] 0;title BEL}), NULs, C1 controls and line separators that would break a table
 * row, a Markdown cell or the user's terminal. Each format's escaper (text cells, Markdown,
 * HTML, JSON) is built on the checks here, so a character is judged the same way in all four.
 *
 * <p>Every method returns its argument itself when there is nothing to change: the common case
 * (clean text) allocates nothing.
 */
public final class SafeText {

    /** U+FFFD REPLACEMENT CHARACTER: what a lone surrogate becomes, as a UTF-8 decoder would write it. */
    public static final char REPLACEMENT = '\uFFFD';

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {
    }

    /**
     * A character no report writes raw: C0 controls, DEL and C1 controls (ESC, BEL and CSI drive
     * terminals), the line and paragraph separators (line breaks to JavaScript and some viewers),
     * and the bidirectional embeddings, overrides and isolates that reorder what is displayed.
     */
    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** {@code s} with each lone surrogate replaced by U+FFFD; control characters are kept. */
    public static String wellFormed(String s) {
        int i = firstLoneSurrogate(s);
        if (i < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    /**
     * One line of plain text (a terminal line, a table cell, a Markdown cell): well-formed, and
     * every control character, newline and tab included, written as a visible escape
     * ({@code \n}, {@code \t}, {@code \r}, &#92;u001b) that cannot move the cursor or split a row.
     */
    public static String line(String s) {
        return escape(s, false);
    }

    /** As {@link #line}, but newline and tab are kept: text shown as several lines (a plan, a stack trace). */
    public static String lines(String s) {
        return escape(s, true);
    }

    /** At most {@code width} characters: cut before a code point (never inside a surrogate pair), then {@code marker}. */
    public static String cut(String s, int width, String marker) {
        if (s.length() <= width) {
            return s;
        }
        int end = Math.max(0, width - marker.length());
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
            end--;
        }
        return s.substring(0, end) + marker;
    }

    /** The visible escape of control character {@code c}: {@code \n}, {@code \t}, {@code \r}, else &#92;u0007. */
    public static void appendEscape(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                    .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
        }
    }

    /**
     * Appends {@code s[i]} made safe, keeping newlines and tabs when {@code keepLineBreaks};
     * returns the index of the last character consumed (a surrogate pair is consumed whole).
     * Format escapers call it for every character they do not escape themselves.
     */
    public static int appendSafe(StringBuilder out, String s, int i, boolean keepLineBreaks) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(i + 1));
                return i + 1;
            }
            out.append(REPLACEMENT);
        } else if (isControl(c) && !(keepLineBreaks && (c == '\n' || c == '\t'))) {
            appendEscape(out, c);
        } else {
            out.append(c);
        }
        return i;
    }

    /** True when {@code c} is not written as it is by {@link #appendSafe}, so the fast paths can skip clean text. */
    public static boolean needsCare(char c, boolean keepLineBreaks) {
        return Character.isSurrogate(c) || (isControl(c) && !(keepLineBreaks && (c == '\n' || c == '\t')));
    }

    private static String escape(String s, boolean keepLineBreaks) {
        if (isClean(s, keepLineBreaks)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            i = appendSafe(out, s, i, keepLineBreaks);
        }
        return out.toString();
    }

    /** True when {@code s} needs no change: no control character (but newline and tab when kept), no lone surrogate. */
    public static boolean isClean(String s, boolean keepLineBreaks) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (needsCare(c, keepLineBreaks)) {
                return false;
            }
        }
        return true;
    }

    private static int firstLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
