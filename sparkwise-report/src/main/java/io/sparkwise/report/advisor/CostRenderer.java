package io.sparkwise.report.advisor;

import io.sparkwise.advisor.cost.AutoScalingSaving;
import io.sparkwise.advisor.cost.CostLine;
import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.advisor.cost.ExecutorCost;
import io.sparkwise.advisor.cost.FindingSaving;
import io.sparkwise.advisor.cost.SpotEstimate;
import io.sparkwise.engine.json.CostJson;
import io.sparkwise.report.JsonDocument;
import io.sparkwise.report.SafeText;
import io.sparkwise.report.TextTable;
import io.sparkwise.report.Units;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints a {@link CostReport} as text (also the cost section of {@code analyze}) or JSON. */
public final class CostRenderer {

    /** The executor table shows the costliest executors; the rest are summed in one row. */
    static final int EXECUTOR_ROWS = 20;

    public String text(CostReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Cost of ").append(SafeText.line(r.applicationId())).append(", ").append(r.context())
                .append(" (USD; formulas in docs/advisor.md, \"Cost\")\n\n");
        TextTable summary = new TextTable("", "USD>", "how");
        for (CostLine line : r.lines()) {
            summary.row(line.item(), dollars(line.dollars()), line.formula());
        }
        summary.row("per core-hour", dollars(r.dollarsPerCoreHour()), "cost of executors that ran tasks / their core-hours");
        summary.lines("  ").forEach(l -> out.append(l).append('\n'));

        out.append("\nExecutors (share = max(cores / instance vCPU, container / instance memory))\n");
        TextTable executors = new TextTable("executor", "cores>", "container>", "hours>", "share>", "USD/hour>", "USD>", "busy>");
        List<ExecutorCost> sorted = r.executors().stream().sorted(Comparator.comparingDouble(ExecutorCost::dollars).reversed()).toList();
        sorted.stream().limit(EXECUTOR_ROWS).forEach(e -> executors.row(e.id(), String.valueOf(e.cores()), e.containerMib() + " MiB",
                String.format(Locale.ROOT, "%.3f", e.hours()), String.format(Locale.ROOT, "%.3f", e.share()),
                dollars(e.ratePerHour()), dollars(e.dollars()), String.format(Locale.ROOT, "%.0f%%", e.busyFraction() * 100)));
        if (sorted.size() > EXECUTOR_ROWS) {
            List<ExecutorCost> rest = sorted.subList(EXECUTOR_ROWS, sorted.size());
            executors.row("(" + rest.size() + " more)", "", "", String.format(Locale.ROOT, "%.3f", rest.stream().mapToDouble(ExecutorCost::hours).sum()),
                    "", "", dollars(rest.stream().mapToDouble(ExecutorCost::dollars).sum()), "");
        }
        executors.lines("  ").forEach(l -> out.append(l).append('\n'));

        r.spot().ifPresent(s -> spot(out, r, s));
        r.autoScaling().ifPresent(a -> autoScaling(out, a));
        findings(out, r);
        r.monthly().ifPresent(m -> {
            out.append(String.format(Locale.ROOT, "\nPer month (%d runs a day x 730 / 24 days = %.1f runs)\n",
                    r.runsPerDay().getAsInt(), m.runsPerMonth()));
            out.append("  cost                          ").append(dollars(m.cost())).append('\n');
            out.append("  saving of the findings' fixes ").append(dollars(m.findingSavings())).append('\n');
            if (r.autoScaling().isPresent()) {
                out.append("  saving of auto-scaling        ").append(dollars(m.autoScalingSavings()))
                        .append(" (overlaps the idle-executor findings: do not add the two)\n");
            }
        });
        out.append("\nPrices used (catalog key = value (source, as_of, confidence))\n");
        r.prices().forEach(p -> out.append("  ").append(p).append('\n'));
        if (!r.notes().isEmpty()) {
            out.append("\nNotes\n");
            r.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static void spot(StringBuilder out, CostReport r, SpotEstimate s) {
        out.append("\nOn demand vs spot (executors on spot, the driver on demand; estimated: spot prices and interruption rates vary)\n");
        TextTable t = new TextTable("", "USD>");
        t.row("on demand / as priced", dollars(r.totalDollars()));
        t.row("spot", dollars(s.spotDollars()));
        t.row("expected re-execution", dollars(s.reexecutionDollars()));
        t.row("spot, risk priced in", dollars(s.expectedDollars()));
        t.lines("  ").forEach(l -> out.append(l).append('\n'));
        out.append("  ").append(s.formula()).append('\n');
    }

    private static void autoScaling(StringBuilder out, AutoScalingSaving a) {
        out.append("\nWhat auto-scaling would have saved (simulator replay, docs/simulator.md)\n");
        out.append(String.format(Locale.ROOT, "  %s: executor-hours %.3f -> %.3f, wall time %s -> %s: %s%n", a.cluster(),
                a.executorHoursAsRun(), a.executorHoursSimulated(), Units.millis(a.wallMsAsRun()), Units.millis(a.wallMsSimulated()),
                a.dollars() > 0 ? dollars(a.dollars()) + " saved per run"
                        : "no saving (" + dollars(-a.dollars()) + " more per run: executors start and leave too often for this run)"));
    }

    private static void findings(StringBuilder out, CostReport r) {
        if (r.findings().isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%nSaving per finding (root causes: wasted core-seconds x %s per core-hour)%n",
                dollars(r.dollarsPerCoreHour())));
        TextTable t = new TextTable("rule", "wasted core-s>", "USD per run>");
        r.findings().stream().sorted(Comparator.comparingDouble(FindingSaving::dollars).reversed())
                .forEach(f -> t.row(f.ruleId(), String.format(Locale.ROOT, "%.0f", f.wastedCoreSeconds()), dollars(f.dollars())));
        t.row(r.findingSavingsCapped() ? "total (capped at the executors' cost: idle-time findings overlap)" : "total", "",
                dollars(r.findingSavingsDollars()));
        t.lines("  ").forEach(l -> out.append(l).append('\n'));
    }

    /**
     * The {@code cost --format json} document: its schema version, then the cost's fields as the
     * engine writes them (the same fields as the {@code cost} of a stored result).
     */
    public String json(CostReport r) {
        StringWriter out = new StringWriter();
        try {
            // Through JsonDocument like every other JSON document: the application and executor
            // ids come from the log and get the same safe escapes as in the analyze report.
            JsonDocument.write(out, g -> {
                g.writeStartObject();
                g.writeNumberField("schemaVersion", 1);
                CostJson.writeFields(r, g);
                g.writeEndObject();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Dollars: six decimals below a cent, four below $1 (single runs are often cents), two with separators above. */
    static String dollars(double value) {
        if (Math.abs(value) < 0.01) {
            return String.format(Locale.ROOT, "$%.6f", value);
        }
        return Math.abs(value) < 1 ? String.format(Locale.ROOT, "$%.4f", value) : String.format(Locale.ROOT, "$%,.2f", value);
    }
}
