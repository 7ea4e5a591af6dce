package io.sparkwise.report.decide;

import io.sparkwise.decide.run.CoordinationTax;
import io.sparkwise.decide.run.Decision;
import io.sparkwise.decide.run.RunOption;
import io.sparkwise.decide.run.Workload;
import io.sparkwise.report.TextTable;
import io.sparkwise.report.Units;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The decision for the terminal: workload, coordination tax, options side by side, recommendation, assumptions. */
public final class DecisionText {

    private DecisionText() {}

    public static void render(Decision d, PrintWriter out) {
        Workload w = d.workload();
        out.printf(Locale.ROOT, "Workload: %s scanned per run, shape %s, %s runs/day, concurrency %d%s%n",
                Units.bytes(w.scannedBytes()), w.shape().benchmarkQuery(), trim(w.runsPerDay()), w.concurrency(),
                w.latencyTargetSeconds().isPresent() ? ", latency target " + Units.millis((long) (w.latencyTargetSeconds().getAsDouble() * 1000)) : "");
        w.measured().ifPresent(m -> tax(m.tax(), out));
        out.println();
        out.println("Options (USD; a month = 30 days)");
        TextTable t = new TextTable("#", "option", "time/run>", "cost/run>", "cost/month>", "meets target");
        List<RunOption> options = d.options();
        for (int i = 0; i < options.size(); i++) {
            RunOption o = options.get(i);
            t.row(Integer.toString(i + 1), o.name() + (d.recommended().orElse(null) == o ? "  <- recommended" : ""),
                    time(o.seconds()), money(o.costPerRun()), money(o.monthlyCost(w.runsPerDay())),
                    w.latencyTargetSeconds().isEmpty() ? "-" : o.seconds().isEmpty() ? "unknown" : o.meets(w.latencyTargetSeconds()) ? "yes" : "no");
        }
        t.lines("  ").forEach(out::println);
        out.println();
        out.println("Recommendation");
        d.reasoning().forEach(r -> out.println("  " + r));
        out.println();
        out.println("Assumptions");
        for (int i = 0; i < options.size(); i++) {
            int n = i + 1;
            options.get(i).assumptions().forEach(a -> out.println("  [" + n + "] " + a));
        }
        out.flush();
    }

    private static void tax(CoordinationTax t, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Coordination tax, measured from the log (wall %s, %s read, %s shuffled, %s written)%n",
                Units.millis(t.wallMs()), Units.bytes(t.inputBytes()), Units.bytes(t.shuffleBytes()), Units.bytes(t.outputBytes()));
        TextTable t2 = new TextTable("allocated core time", "core time>", "share>");
        row(t2, "work (task run time minus fetch wait)", t.workCoreMs(), t.allocatedCoreMs());
        row(t2, "shuffle fetch wait", t.fetchWaitCoreMs(), t.allocatedCoreMs());
        row(t2, "task start-up (deserialize, result serialize)", t.taskStartupCoreMs(), t.allocatedCoreMs());
        row(t2, "idle executors", t.idleCoreMs(), t.allocatedCoreMs());
        t2.lines("  ").forEach(out::println);
        out.printf(Locale.ROOT, "  wall time with no job running (driver gaps): %s (%s)%n", Units.millis(t.driverGapMs()),
                Units.percent(t.driverGapMs(), t.wallMs()));
        out.printf(Locale.ROOT, "  scheduling delay, stage submitted to first task, summed over stages: %s%n", Units.millis(t.schedulingDelayMs()));
    }

    private static void row(TextTable t, String label, long part, long whole) {
        t.row(label, Units.coreMillis(part), Units.percent(part, whole));
    }

    static String time(OptionalDouble seconds) {
        return seconds.isPresent() ? Units.millis(Math.round(seconds.getAsDouble() * 1000)) : "not predicted";
    }

    static String money(OptionalDouble usd) {
        if (usd.isEmpty()) {
            return "no price";
        }
        double v = usd.getAsDouble();
        return String.format(Locale.ROOT, v != 0 && v < 0.01 ? "$%.4f" : "$%,.2f", v);
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
