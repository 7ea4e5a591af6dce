package io.sparkwise.cli;

import io.sparkwise.report.Utf8Writers;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/** Writes a command's rendered output to stdout or to {@code --output FILE} (UTF-8 that never fails: {@link Utf8Writers}). */
final class TextOutput {

    private TextOutput() {
    }

    /** False when {@code output} cannot be written (said on stderr). */
    static boolean write(CommandSpec spec, Path output, String text) {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return true;
        }
        try (Writer out = Utf8Writers.newFile(output)) {
            out.write(text);
            return true;
        } catch (IOException e) {
            spec.commandLine().getErr().println("sparkwise: cannot write " + output + ": " + e);
            return false;
        }
    }
}
