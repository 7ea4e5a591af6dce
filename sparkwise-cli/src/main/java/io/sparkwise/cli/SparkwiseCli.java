package io.sparkwise.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * STUB on branch {@code demo}: the minimal top-level command so {@link DemoCommand} compiles and
 * runs here. The CLI engineer's {@code SparkwiseCli} replaces this file at merge.
 */
@Command(name = "sparkwise", mixinStandardHelpOptions = true, version = "sparkwise 0.1.0-SNAPSHOT",
        description = "Reads Spark event logs and diagnoses Spark applications.",
        subcommands = {AnalyzeCommand.class, DemoCommand.class})
public final class SparkwiseCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkwiseCli()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
