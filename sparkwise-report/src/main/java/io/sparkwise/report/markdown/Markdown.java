package io.sparkwise.report.markdown;

import io.sparkwise.report.SafeText;

/**
 * Text made safe for GitHub-flavoured Markdown. Stage names such as {@code count at <console>:15}
 * would otherwise lose {@code <console>} as an unknown HTML tag, and a {@code |} in a plan text
 * would split a table cell. Text from event logs is also made safe as {@link SafeText#line} does:
 * a lone surrogate becomes U+FFFD, a control character a visible escape such as &#92;u001b.
 */
public final class Markdown {

    private Markdown() {
    }

    /** Free text on one line: Markdown and HTML specials escaped, cut to {@code width} characters. */
    public static String text(String s, int width) {
        String line = SafeText.cut(firstLine(s), width, "...");
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#' -> out.append('\\').append(c);
                default -> i = SafeText.appendSafe(out, line, i, false);
            }
        }
        return out.toString();
    }

    /** An inline code span; a fence longer than any run of backticks in the text. */
    public static String code(String s) {
        String line = SafeText.line(firstLine(s));
        String fence = "`".repeat(longestBacktickRun(line) + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        // A pipe ends a table cell even inside a code span (GFM), so it is escaped there too.
        return fence + pad + line.replace("|", "\\|") + pad + fence;
    }

    /** A table row from cells that are already escaped. */
    public static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String firstLine(String s) {
        int newline = s.indexOf('\n');
        return (newline < 0 ? s : s.substring(0, newline)).strip();
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
