package io.sparkwise.report.simulate;

import io.sparkwise.report.SafeText;
import io.sparkwise.report.TextTable;
import io.sparkwise.report.Units;
import io.sparkwise.simulator.SimulationResult;
import io.sparkwise.simulator.WhatIf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The what-if replays as a terminal table, with the self-check and the serial floor above it. */
final class SimulationText implements SimulationRenderer {

    @Override
    public void render(WhatIf whatIf, Writer out) throws IOException {
        for (String line : lines(whatIf)) {
            out.write(line);
            out.write(System.lineSeparator());
        }
        out.flush();
    }

    static List<String> lines(WhatIf w) {
        List<String> lines = new ArrayList<>();
        lines.add("Simulation of " + SafeText.line(w.applicationName() + " (" + w.applicationId() + ")"));
        lines.add("  As run: " + SimulationSummary.asRun(w.asRun()));
        lines.add("  " + w.selfCheck().map(SimulationSummary::selfCheck)
                .orElse("Self-check: not possible, the log names no executor with cores"));
        lines.add("  No cluster size runs it faster than " + Units.millis(w.unboundedWallTimeMs())
                + " (a slot for every task: driver time, job gaps and the longest task of each stage remain)");
        lines.add("");
        TextTable table = new TextTable("cluster", "wall time>", "executor-h>", "core-h>", "utilization>",
                "no task running>", "");
        for (int i = 0; i < w.options().size(); i++) {
            SimulationResult r = w.options().get(i);
            boolean knee = w.knee().isPresent() && w.knee().getAsInt() == i;
            table.row(r.label(), Units.millis(r.predictedWallTimeMs()), hours(r.executorHours()), hours(r.coreHours()),
                    Units.percent(r.busyCoreMs(), r.allocatedCoreMs()),
                    Units.millis(r.driverOnlyMs()) + " (" + Units.percent(r.driverOnlyMs(), r.predictedWallTimeMs()) + ")",
                    knee ? "<- knee" : "");
        }
        lines.addAll(table.lines("  "));
        lines.add("");
        lines.add("  knee: the fewest core-hours within " + Math.round(WhatIf.KNEE_TOLERANCE * 100)
                + "% of the fastest wall time. \"no task running\": driver work, job gaps and executor start-up, "
                + "which more executors do not shorten.");
        return lines;
    }

    private static String hours(double hours) {
        return String.format(Locale.ROOT, hours < 10 ? "%.3f" : "%.1f", hours);
    }
}
