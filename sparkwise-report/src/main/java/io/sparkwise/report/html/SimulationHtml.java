package io.sparkwise.report.html;

import io.sparkwise.report.Units;
import io.sparkwise.report.simulate.SimulationRenderer;
import io.sparkwise.simulator.SimulationResult;
import io.sparkwise.simulator.WhatIf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The what-if replays as one self-contained page, in the analyze report's style (same CSS, same
 * Content-Security-Policy, no network): the self-check, two hand-drawn line charts against the
 * executor count (predicted wall time; executor-hours, what a cluster bills) with the knee marked,
 * and the table of every option.
 */
public final class SimulationHtml implements SimulationRenderer {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 300;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 44;
    private static final int BOTTOM = 48;

    @Override
    public void render(WhatIf whatIf, Writer out) throws IOException {
        out.write(page(whatIf));
        out.flush();
    }

    public String page(WhatIf w) {
        Html html = new Html();
        HtmlReport.head(html, "Sparkwise what-if: " + w.applicationName());
        html.open("header");
        html.element("h1", "What-if: " + w.applicationName());
        html.element("div", w.applicationId(), "class", "sub mono");
        html.close("header").open("main");
        html.open("section", "id", "simulation");
        html.element("h2", "Predicted on other clusters");
        html.open("dl", "class", "facts");
        fact(html, "as run", io.sparkwise.report.simulate.SimulationSummary.asRun(w.asRun()));
        fact(html, "self-check", w.selfCheck().map(c -> "on the executors it had: "
                        + io.sparkwise.report.simulate.SimulationSummary.selfCheckNumbers(c))
                .orElse("not possible: the log names no executor with cores"));
        fact(html, "fastest possible", Units.millis(w.unboundedWallTimeMs())
                + " with a slot for every task (driver time, job gaps and the longest tasks remain)");
        html.close("dl");
        List<Integer> fixed = fixedOptionsByExecutors(w);
        if (fixed.size() >= 2) {
            lineChart(html, "simulation-wall-time", "Predicted wall time by executor count", w, fixed,
                    r -> r.predictedWallTimeMs(), v -> Units.millis((long) v), "wall time");
            lineChart(html, "simulation-executor-hours", "Executor-hours by executor count (what a cluster bills)", w,
                    fixed, SimulationResult::executorHours, v -> String.format(Locale.ROOT, "%.3g h", v), "executor-hours");
        }
        if (w.knee().isPresent() && w.options().get(w.knee().getAsInt()).option().isDynamic()) {
            html.element("p", "Knee: " + w.options().get(w.knee().getAsInt()).label()
                    + " (dynamic allocation has no single executor count, so the charts do not plot it).", "class", "note");
        }
        table(html, w);
        html.element("p", "The knee is the option with the fewest core-hours within "
                + Math.round(WhatIf.KNEE_TOLERANCE * 100) + "% of the fastest wall time. How the replay works, what it"
                + " leaves out and its measured accuracy: docs/simulator.md.", "class", "note");
        html.close("section");
        html.close("main");
        HtmlReport.tail(html);
        return html.toString();
    }

    private static void fact(Html html, String name, String value) {
        html.element("dt", name).element("dd", value);
    }

    /** Indices of the fixed-size options, by executor count (dynamic allocation has no single count). */
    private static List<Integer> fixedOptionsByExecutors(WhatIf w) {
        List<Integer> fixed = new ArrayList<>();
        for (int i = 0; i < w.options().size(); i++) {
            if (!w.options().get(i).option().isDynamic()) {
                fixed.add(i);
            }
        }
        fixed.sort(Comparator.comparingInt(i -> w.options().get(i).option().executors()));
        return fixed;
    }

    /**
     * A line through one point per option, executors evenly spaced on the x axis (they are
     * usually powers of two), y from 0; the knee gets a dashed vertical line and a label.
     */
    private static void lineChart(Html html, String id, String title, WhatIf w, List<Integer> options,
                                  ToDoubleFunction<SimulationResult> value, DoubleFunction<String> label, String unit) {
        double max = options.stream().mapToDouble(i -> value.applyAsDouble(w.options().get(i))).max().orElse(1);
        double top = max <= 0 ? 1 : max * 1.1;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        html.open("figure", "class", "chart");
        html.open("svg", "data-chart", id, "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "width", "100%", "role", "img",
                "aria-label", title, "xmlns", "http://www.w3.org/2000/svg");
        html.element("title", title);
        html.element("text", title, "class", "chart-title", "x", "0", "y", "16");
        for (int t = 0; t <= 4; t++) {
            double y = TOP + plotHeight - plotHeight * t / 4.0;
            html.empty("line", "class", "grid", "x1", Html.num(LEFT), "x2", Html.num(WIDTH - RIGHT), "y1", Html.num(y),
                    "y2", Html.num(y));
            html.element("text", label.apply(top * t / 4.0), "class", "tick", "x", Html.num(LEFT - 6),
                    "y", Html.num(y + 4), "text-anchor", "end");
        }
        StringBuilder points = new StringBuilder();
        List<double[]> xy = new ArrayList<>();
        for (int k = 0; k < options.size(); k++) {
            SimulationResult r = w.options().get(options.get(k));
            double x = LEFT + (options.size() == 1 ? plotWidth / 2 : plotWidth * k / (options.size() - 1));
            double y = TOP + plotHeight - plotHeight * value.applyAsDouble(r) / top;
            xy.add(new double[] {x, y});
            points.append(Html.num(x)).append(',').append(Html.num(y)).append(' ');
            html.element("text", String.valueOf(r.option().executors()), "class", "tick", "x", Html.num(x),
                    "y", Html.num(TOP + plotHeight + 16), "text-anchor", "middle");
        }
        html.empty("polyline", "class", "series", "points", points.toString().trim(), "fill", "none",
                "stroke", "#2f6fb3", "stroke-width", "2");
        for (int k = 0; k < options.size(); k++) {
            SimulationResult r = w.options().get(options.get(k));
            boolean knee = w.knee().isPresent() && w.knee().getAsInt() == options.get(k);
            double[] p = xy.get(k);
            if (knee) {
                html.empty("line", "class", "knee", "x1", Html.num(p[0]), "x2", Html.num(p[0]), "y1", Html.num(TOP),
                        "y2", Html.num(TOP + plotHeight), "stroke", "#e08a00", "stroke-width", "2",
                        "stroke-dasharray", "6 4");
                html.element("text", "knee", "class", "knee-label", "x", Html.num(p[0] + 6), "y", Html.num(TOP + 12),
                        "fill", "#8a5300");
            }
            html.open("circle", "class", "mark" + (knee ? " knee-point" : ""), "cx", Html.num(p[0]), "cy", Html.num(p[1]),
                    "r", knee ? "6" : "4", "fill", knee ? "#e08a00" : "#2f6fb3");
            html.element("title", r.label() + ": " + unit + " " + label.apply(value.applyAsDouble(r)));
            html.close("circle");
        }
        html.element("text", "executors", "class", "axis-title", "x", Html.num(LEFT + plotWidth / 2),
                "y", Html.num(HEIGHT - 6), "text-anchor", "middle");
        html.close("svg");
        html.close("figure");
    }

    private static void table(Html html, WhatIf w) {
        html.open("table", "class", "sortable", "id", "simulation-options");
        html.open("thead").open("tr");
        for (String h : new String[] {"cluster", "wall time", "executor-hours", "core-hours", "utilization",
            "no task running", "peak executors", "knee"}) {
            html.element("th", h);
        }
        html.close("tr").close("thead").open("tbody");
        for (int i = 0; i < w.options().size(); i++) {
            SimulationResult r = w.options().get(i);
            boolean knee = w.knee().isPresent() && w.knee().getAsInt() == i;
            html.open("tr", "class", knee ? "knee" : null);
            html.element("td", r.label());
            num(html, Units.millis(r.predictedWallTimeMs()), r.predictedWallTimeMs());
            num(html, String.format(Locale.ROOT, "%.3f", r.executorHours()), r.executorMs());
            num(html, String.format(Locale.ROOT, "%.3f", r.coreHours()), r.allocatedCoreMs());
            num(html, Units.percent(r.busyCoreMs(), r.allocatedCoreMs()), Math.round(r.utilization() * 1000));
            num(html, Units.millis(r.driverOnlyMs()), r.driverOnlyMs());
            num(html, String.valueOf(r.peakExecutors()), r.peakExecutors());
            html.element("td", knee ? "knee" : "");
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void num(Html html, String text, long sortKey) {
        html.element("td", text, "class", "num", "data-v", String.valueOf(sortKey));
    }
}
