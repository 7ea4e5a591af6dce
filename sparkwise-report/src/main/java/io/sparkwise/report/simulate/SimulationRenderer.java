package io.sparkwise.report.simulate;

import io.sparkwise.simulator.WhatIf;

import java.io.IOException;
import java.io.Writer;

/** Writes the what-if replays of one application in one format. */
@FunctionalInterface
public interface SimulationRenderer {

    void render(WhatIf whatIf, Writer out) throws IOException;
}
