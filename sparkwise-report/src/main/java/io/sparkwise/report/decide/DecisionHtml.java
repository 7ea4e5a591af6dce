package io.sparkwise.report.decide;

import io.sparkwise.decide.run.Decision;
import io.sparkwise.decide.run.RunOption;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One self-contained page: two hand-drawn SVG bar charts (time per run and cost per month per
 * option, the recommended one highlighted; options without a number say so instead of a bar),
 * the reasoning and every option's assumptions. No scripts, no fonts from the network.
 */
public final class DecisionHtml {

    private static final int WIDTH = 720;
    private static final int LABEL = 300;
    private static final int ROW = 26;

    private DecisionHtml() {}

    public static void render(Decision d, PrintWriter out) {
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sparkwise decide</title>");
        out.println("<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:60em}svg text{font:12px system-ui,sans-serif}"
                + ".rec{fill:#2b8a3e}.opt{fill:#4c6ef5}.none{fill:#868e96}li{margin:.2em 0}</style></head><body>");
        out.println("<h1>Where to run this workload</h1>");
        out.println("<h2>Time per run</h2>");
        chart(d, o -> o.seconds(), DecisionText::time, out);
        out.println("<h2>Cost per month</h2>");
        chart(d, o -> o.monthlyCost(d.workload().runsPerDay()), DecisionText::money, out);
        out.println("<h2>Recommendation</h2><ul>");
        d.reasoning().forEach(r -> out.println("<li>" + escape(r) + "</li>"));
        out.println("</ul><h2>Assumptions</h2><ol>");
        for (RunOption o : d.options()) {
            out.println("<li><b>" + escape(o.name()) + "</b><ul>");
            o.assumptions().forEach(a -> out.println("<li>" + escape(a) + "</li>"));
            out.println("</ul></li>");
        }
        out.println("</ol></body></html>");
        out.flush();
    }

    private static void chart(Decision d, Function<RunOption, OptionalDouble> value, Function<OptionalDouble, String> label, PrintWriter out) {
        List<RunOption> options = d.options();
        double max = options.stream().map(value).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max().orElse(1);
        int height = options.size() * ROW + 10;
        out.printf(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">%n", WIDTH, height);
        for (int i = 0; i < options.size(); i++) {
            RunOption o = options.get(i);
            OptionalDouble v = value.apply(o);
            int y = i * ROW + 5;
            out.printf(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y + 16, escape(o.name()));
            double w = v.isPresent() && max > 0 ? Math.max(1, (WIDTH - LABEL - 120) * v.getAsDouble() / max) : 0;
            String cls = d.recommended().orElse(null) == o ? "rec" : "opt";
            if (v.isPresent()) {
                out.printf(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\"/>%n", cls, LABEL, y + 3, w);
            }
            out.printf(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\"%s>%s</text>%n", LABEL + w + 6, y + 16,
                    v.isPresent() ? "" : " class=\"none\"", escape(label.apply(v)));
        }
        out.println("</svg>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
