package io.sparkwise.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * STUB on branch {@code demo}: prints the paths it is given, so {@code sparkwise demo} can be run
 * end to end here. The CLI engineer's {@code AnalyzeCommand} replaces this file at merge.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyzes Spark event logs (stub on this branch: prints the paths).")
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Event log files or directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        paths.forEach(path -> spec.commandLine().getOut().println("analyze (stub): " + path));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
