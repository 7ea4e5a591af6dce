package io.sparkwise.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --output FILE} and {@code --verbose}, for commands that print one rendered text. */
final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (UTF-8) instead of stdout.")
    Path output;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors on stderr.")
    boolean verbose;

    /** Writes {@code text} to stdout or {@code --output}; the exit code (usage error when the file cannot be written). */
    int write(CommandSpec spec, String text) {
        return TextOutput.write(spec, output, text) ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
