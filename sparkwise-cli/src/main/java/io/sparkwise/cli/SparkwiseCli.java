package io.sparkwise.cli;

import io.sparkwise.report.SparkwiseVersion;
import io.sparkwise.report.Utf8Writers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** The {@code sparkwise} command: dispatches to its subcommands. */
@Command(name = "sparkwise",
        mixinStandardHelpOptions = true,
        versionProvider = SparkwiseCli.Version.class,
        description = "Reads Apache Spark event logs and diagnoses Spark applications.",
        subcommands = {AnalyzeCommand.class, CompareCommand.class, SimulateCommand.class, PlanCommand.class, CostCommand.class,
            DecideCommand.class, StorageCommand.class, DemoCommand.class, ServeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:findings at or above --fail-on",
            "2:usage error (bad flag, bad value, missing argument)",
            "3:no input could be read",
            "4:internal error (a bug: rerun with --verbose and report it)"})
public final class SparkwiseCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = commandLine(CommandLine.defaultFactory());
        // JSON is UTF-8 whatever the platform charset (Java 17 still defaults to the platform's),
        // and a character that UTF-8 cannot encode (a lone surrogate) is written as U+FFFD.
        cli.setOut(new PrintWriter(Utf8Writers.of(System.out), true));
        int exitCode;
        try {
            exitCode = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands exceptions to InternalErrorHandler, but not errors: one line, not a stack trace.
            System.err.println("sparkwise: internal error: out of memory (Java heap limit "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): raise it, e.g. SPARKWISE_JAVA_OPTS=-Xmx2g");
            exitCode = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(exitCode);
    }

    /** The command line as {@link #main} runs it; tests pass a factory that injects fakes. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new SparkwiseCli(), factory)
                .setExecutionExceptionHandler(new InternalErrorHandler());
    }

    /** {@code sparkwise} alone: a usage error, with the list of commands. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("sparkwise: missing command");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sparkwise " + SparkwiseVersion.get()};
        }
    }
}
