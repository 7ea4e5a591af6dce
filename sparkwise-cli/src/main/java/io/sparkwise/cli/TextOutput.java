package io.sparkwise.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's rendered output to stdout or to {@code --output FILE}. */
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
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            out.write(text);
            return true;
        } catch (IOException e) {
            spec.commandLine().getErr().println("sparkwise: cannot write " + output + ": " + e);
            return false;
        }
    }
}
