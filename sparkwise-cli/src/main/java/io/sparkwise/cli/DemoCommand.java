package io.sparkwise.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * Placeholder so the cli branch compiles on its own: the demo branch brings the real command,
 * which replaces this file at merge.
 */
@Command(name = "demo", description = "Runs a demo Spark workload (not available in this build).")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("demo not available in this build");
        return ExitCodes.USAGE;
    }
}
