package io.sparkwise.report.markdown;

/**
 * Text made safe for GitHub-flavoured Markdown. Stage names such as {@code count at <console>:15}
 * would otherwise lose {@code <console>} as an unknown HTML tag, and a {@code |} in a plan text
 * would split a table cell.
 */
public final class Markdown {

    private Markdown() {
    }

    /** Free text on one line: Markdown and HTML specials escaped, cut to {@code width} characters. */
    public static String text(String s, int width) {
        String line = firstLine(s);
        if (line.length() > width) {
            line = line.substring(0, width - 3) + "...";
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An inline code span; longer backtick fences when the text holds backticks. */
    public static String code(String s) {
        String line = firstLine(s);
        String fence = line.contains("`") ? "``" : "`";
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
}
