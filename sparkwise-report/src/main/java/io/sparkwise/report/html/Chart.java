package io.sparkwise.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The frame every chart shares: an SVG with a title, a legend, row labels on the left and one
 * horizontal value axis at the bottom with its unit. Data marks carry the class {@code mark} so a
 * test (or a reader's devtools) can count them.
 */
final class Chart {

    static final int WIDTH = 1000;
    static final int LEFT = 170;
    static final int RIGHT = 24;
    static final int TOP = 52;
    static final int BOTTOM = 44;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;

    /** A legend entry: the CSS class that colors the swatch and its text. */
    record Legend(String cssClass, String label) {
    }

    /** A value axis: linear or log10, its ticks and how to label them. */
    record Axis(double min, double max, boolean log, List<Long> ticks, LongFunction<String> label, String title) {

        /**
         * From 0 to {@code max} (at least 1) with about six round ticks. Values from a damaged log
         * can be anything (a timestamp of Long.MAX_VALUE made the span 9.2e18 ms): the tick loop
         * saturates instead of overflowing, so there is always at least the tick at 0.
         */
        static Axis linear(long max, LongFunction<String> label, String title) {
            long top = Math.max(1, max);
            long step = niceStep(top / 6.0);
            long last = saturatedAdd(top, step / 2);
            List<Long> ticks = new ArrayList<>();
            for (long t = 0; t <= last && ticks.size() < 20; t = saturatedAdd(t, step)) {
                ticks.add(t);
                if (t == Long.MAX_VALUE) {
                    break;
                }
            }
            return new Axis(0, Math.max(top, ticks.get(ticks.size() - 1)), false, ticks, label, title);
        }

        private static long saturatedAdd(long a, long b) {
            long sum = a + b;
            return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
        }

        /** Log10 axis from the power of ten at or below {@code min} to the one at or above {@code max}. */
        static Axis log(long min, long max, LongFunction<String> label, String title) {
            long lo = 1;
            while (lo * 10 <= Math.max(1, min) && lo < Long.MAX_VALUE / 10) {
                lo *= 10;
            }
            long hi = lo * 10;
            while (hi < max && hi < Long.MAX_VALUE / 10) {
                hi *= 10;
            }
            List<Long> ticks = new ArrayList<>();
            for (long t = lo; t <= hi; t *= 10) {
                ticks.add(t);
                if (t > Long.MAX_VALUE / 10) {
                    break;
                }
            }
            return new Axis(lo, hi, true, ticks, label, title);
        }

        /** X coordinate of {@code value} in the plot. */
        double x(double value) {
            double share;
            if (log) {
                double v = Math.max(min, value);
                share = (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            } else {
                share = max == min ? 0 : (value - min) / (max - min);
            }
            return LEFT + Math.max(0, Math.min(1, share)) * PLOT_WIDTH;
        }

        private static long niceStep(double raw) {
            long magnitude = 1;
            while (magnitude * 10 <= raw && magnitude < Long.MAX_VALUE / 10) {
                magnitude *= 10;
            }
            for (long m : new long[] {1, 2, 5}) {
                if (magnitude * m >= raw) {
                    return magnitude * m;
                }
            }
            return magnitude <= Long.MAX_VALUE / 10 ? magnitude * 10 : Long.MAX_VALUE;
        }
    }

    private Chart() {
    }

    /** Height of a chart of {@code rows} rows of {@code rowHeight} pixels. */
    static int height(int rows, int rowHeight) {
        return TOP + rows * rowHeight + BOTTOM;
    }

    /** Opens the figure and its SVG, and writes title, legend and the axis with its grid. */
    static void begin(Html html, String id, String title, int height, Axis axis, List<Legend> legend) {
        html.open("figure", "class", "chart");
        html.open("svg", "data-chart", id, "viewBox", "0 0 " + WIDTH + " " + height, "width", "100%",
                "role", "img", "aria-label", title, "xmlns", "http://www.w3.org/2000/svg");
        html.element("title", title);
        html.element("text", title, "class", "chart-title", "x", "0", "y", "16");
        int x = LEFT;
        for (Legend entry : legend) {
            html.empty("rect", "class", "swatch " + entry.cssClass(), "x", Html.num(x), "y", "28", "width", "12",
                    "height", "12");
            html.element("text", entry.label(), "class", "legend", "x", Html.num(x + 16), "y", "38");
            x += 26 + 7 * entry.label().length();
        }
        int bottom = height - BOTTOM;
        for (long tick : axis.ticks()) {
            String tx = Html.num(axis.x(tick));
            html.empty("line", "class", "grid", "x1", tx, "x2", tx, "y1", Html.num(TOP - 4), "y2", Html.num(bottom));
            html.element("text", axis.label().apply(tick), "class", "tick", "x", tx, "y", Html.num(bottom + 14),
                    "text-anchor", "middle");
        }
        html.element("text", axis.title(), "class", "axis-title", "x", Html.num(LEFT + PLOT_WIDTH / 2.0),
                "y", Html.num(height - 6), "text-anchor", "middle");
    }

    /** A row label left of the plot. */
    static void rowLabel(Html html, String label, double y) {
        html.element("text", label, "class", "row-label", "x", Html.num(LEFT - 6), "y", Html.num(y),
                "text-anchor", "end");
    }

    static void end(Html html, String caption) {
        html.close("svg");
        if (caption != null && !caption.isEmpty()) {
            html.element("figcaption", caption);
        }
        html.close("figure");
    }

    /** A data rectangle with a tooltip. */
    static void bar(Html html, String cssClass, double x, double y, double width, double height, String tooltip) {
        html.open("rect", "class", "mark " + cssClass, "x", Html.num(x), "y", Html.num(y),
                "width", Html.num(Math.max(1, width)), "height", Html.num(height));
        html.element("title", tooltip);
        html.close("rect");
    }
}
