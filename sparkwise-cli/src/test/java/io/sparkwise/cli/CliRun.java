package io.sparkwise.cli;

import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Environment;
import io.sparkwise.model.ReadReport;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Runs the sparkwise command line as {@code main} does, with a fake source, capturing stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(ApplicationSource source, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == AnalyzeCommand.class ? cls.cast(new AnalyzeCommand(source)) : CommandLine.defaultFactory().create(cls);
            }
        };
        return run(SparkwiseCli.commandLine(factory), args);
    }

    static CliRun run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** A minimal completed application named {@code name}, read from {@code file}. */
    static Application application(String name, String file, List<ReadReport.DamagedLine> damaged, long damagedCount) {
        ApplicationInfo info = new ApplicationInfo("local-1", name, Optional.empty(), "root",
                OptionalLong.of(1795562770727L), OptionalLong.of(1795562777652L), 6925, 1795562777652L,
                Optional.of("4.0.1"), Optional.of("local[2]"), ClusterManager.LOCAL, true);
        ReadReport report = new ReadReport(file, List.of(file), 1000, 10, 10, Map.of(), Map.of(), damaged,
                damagedCount, false, false, List.of());
        return new Application(info, Environment.EMPTY, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), report);
    }

    static Application application(String name) {
        return application(name, "/logs/" + name, List.of(), 0);
    }
}
