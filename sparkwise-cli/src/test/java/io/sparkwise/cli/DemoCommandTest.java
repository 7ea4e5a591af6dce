package io.sparkwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkwise.demo.runner.DemoJvm;
import io.sparkwise.demo.runner.EventLogEchoMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sparkwise demo} against a real child JVM running {@link EventLogEchoMain} (from
 * sparkwise-demo-runner's tests) in place of the Spark workload, under a root command whose
 * {@code analyze} records what it was given, so these tests hold whatever the real {@code analyze}
 * prints. The experiment itself is tested in sparkwise-demo-runner.
 */
class DemoCommandTest {

    private static final String ECHO_MAIN = EventLogEchoMain.class.getName();

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final RecordingAnalyze analyze = new RecordingAnalyze();
    private Path demoJar;
    private Path classpathFile;

    /** A real log whose analysis recommends one setting (spark.executor.memory=2g), and one that recommends none. */
    private static final Path LOG_WITH_FIX = Path.of("../shared/eventlogs/apache-spark/spark-events/app-20161116163331-0000");
    private static final Path LOG_WITHOUT_FIX = Path.of("../shared/eventlogs/apache-spark/spark-events/local-1426533911241");

    @BeforeEach
    void fakeDemoBuild() throws IOException, URISyntaxException {
        fakeDemoBuild("");
    }

    /** @param extraOptions JVM options of the child, e.g. the logs the stand-in copies */
    private void fakeDemoBuild(String extraOptions) throws IOException, URISyntaxException {
        // A "demo jar" directory holding only the JVM options resource, and a classpath file
        // pointing at this module's test classes, where the stand-in main lives.
        demoJar = Files.createDirectories(tmp.resolve("demo-classes"));
        Path options = demoJar.resolve(DemoJvm.JVM_OPTIONS_RESOURCE);
        Files.createDirectories(options.getParent());
        Files.writeString(options, "# comment\n-Decho.flag=on  -Xss2m\n" + extraOptions + "\n");
        Path testClasses = Path.of(EventLogEchoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classpathFile = Files.writeString(tmp.resolve("classpath.txt"), testClasses + "\n");
    }

    @Test
    void demo_workloadWritesLogs_analyzesEachLogThroughTheSiblingCommand() {
        Path outDir = tmp.resolve("out");

        int exit = execute("demo", "--out", outDir.toString(), "--scenario", "a,b");

        assertThat(exit).isZero();
        List<String> logs = List.of(outDir.resolve("eventlogs/local-a").toAbsolutePath().toString(),
                outDir.resolve("eventlogs/local-b").toAbsolutePath().toString());
        // Once as text (to a file, several scenarios), once as HTML pages with an index.
        assertThat(analyze.received).containsExactly(logs, logs);
        assertThat(analyze.formats).containsExactly("text", "html");
        assertThat(err.toString()).contains("echo: running a,b with flag on\n")
                .contains("sparkwise demo: event logs and data are under " + outDir + "; analyzing 2 event log(s)\n");
        assertThat(out.toString()).contains("Demo summary", "local-a", "local-b", "none expected: clean",
                "HTML reports: " + outDir.resolve("reports/index.html"));
    }

    @Test
    void demo_analyzeExitCode_isTheDemoExitCode() {
        analyze.exitCode = 1;

        assertThat(execute("demo", "--out", tmp.resolve("out").toString())).isEqualTo(1);
    }

    @Test
    void demo_workloadFails_exits3WithOneLineAndNoAnalyze() {
        int exit = execute("demo", "--out", tmp.resolve("out").toString(), "--scenario", "crash");

        assertThat(exit).isEqualTo(3);
        assertThat(analyze.received).isEmpty();
        assertThat(err.toString()).endsWith("demo: scenario 'crash' failed: ArithmeticException: / by zero\n"
                + "sparkwise demo: the Spark workload failed (child JVM exit code 1);"
                + " rerun with --verbose for the stack trace\n");
    }

    @Test
    void demo_unknownScenario_isUsageErrorAndLeavesNoTempDirectory() {
        assertThat(execute("demo", "--out", tmp.resolve("out").toString(), "--scenario", "bad-name")).isEqualTo(2);
        assertThat(err.toString()).endsWith("demo: unknown scenario 'bad-name'\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void demo_list_showsTheChildsTableAndRunsNothing() {
        assertThat(execute("demo", "--list")).isZero();
        assertThat(out.toString()).isEqualTo("clean        healthy baseline\n");
        assertThat(analyze.received).isEmpty();
    }

    @Test
    void demo_unknownOption_isUsageError() {
        assertThat(execute("demo", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown option: '--bogus'\n");
    }

    @Test
    void demo_launcherDidNotNameTheDemoJar_exits3WithHowToStart() {
        var command = new DemoCommand(Map.of("java.home", System.getProperty("java.home"))::get, ECHO_MAIN);

        assertThat(execute(command, "demo", "--list")).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("sparkwise demo: the demo module is not configured: system property"
                + " sparkwise.demo.jar is not set (start sparkwise through the ./sparkwise launcher)\n");
    }

    @Test
    void demo_demoModuleNotBuilt_exits3NamingTheMissingFile() {
        Path missing = tmp.resolve("sparkwise-demo.jar");
        var command = new DemoCommand(Map.of("java.home", System.getProperty("java.home"),
                DemoJvm.JAR_PROPERTY, missing.toString(),
                DemoJvm.CLASSPATH_FILE_PROPERTY, classpathFile.toString())::get, ECHO_MAIN);

        assertThat(execute(command, "demo")).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("sparkwise demo: the demo module is not built: " + missing
                + " does not exist (run: mvn -B -DskipTests package)\n");
    }

    @Test
    void verifyFixes_alternatesBeforeAndAfterRunsAndPassesTheRecommendedConfig() throws Exception {
        fakeDemoBuild("-Decho.log=" + LOG_WITH_FIX.toAbsolutePath());
        Path outDir = tmp.resolve("out");

        int exit = execute("demo", "--verify-fixes", "--scenario", "a", "--repeat", "2", "--out", outDir.toString());

        assertThat(exit).isZero();
        String before = "--out " + outDir.toAbsolutePath() + " --scenario a";
        assertThat(Files.readAllLines(outDir.resolve("echo-runs.txt"))).containsExactly(before,
                before + " --conf spark.executor.memory=2g", before, before + " --conf spark.executor.memory=2g");
        // The same log before and after: equal ranges, so no measurable change, and the rule still fires.
        assertThat(out.toString()).contains("Fixes verified: median (min-max) of 2 runs before and after",
                "  a: --conf spark.executor.memory=2g\n");
        assertThat(line(out.toString(), "  a ")).contains("1 setting", "no measurable change",
                "still fire: failures.task-failures (sql.udf did not fire before)");
        assertThat(Files.readString(outDir.resolve("verify-fixes.txt"))).contains("no measurable change");
        assertThat(analyze.received).isEmpty();
    }

    @Test
    void verifyFixes_scenarioWithCodeFix_afterRunsGetTheFixedCode() throws Exception {
        fakeDemoBuild("-Decho.log=" + LOG_WITH_FIX.toAbsolutePath());
        Path outDir = tmp.resolve("out");

        assertThat(execute("demo", "--verify-fixes", "--scenario", "code-x", "--repeat", "1", "--out",
                outDir.toString())).isZero();

        assertThat(Files.readAllLines(outDir.resolve("echo-runs.txt"))).extracting(l -> l.endsWith("--code-fix"))
                .containsExactly(false, true);
        assertThat(line(out.toString(), "  code-x ")).contains("code + 1 setting");
        assertThat(out.toString()).contains("  code-x: code fix: the fixed query; --conf spark.executor.memory=2g\n",
                "One run each: the verdict cannot tell a change from noise");
    }

    @Test
    void verifyFixes_nothingRecommended_runsOnlyBeforeAndSaysSo() throws Exception {
        fakeDemoBuild("-Decho.cleanLog=" + LOG_WITHOUT_FIX.toAbsolutePath());
        Path outDir = tmp.resolve("out");

        assertThat(execute("demo", "--verify-fixes", "--scenario", "clean", "--out", outDir.toString())).isZero();

        assertThat(Files.readAllLines(outDir.resolve("echo-runs.txt"))).hasSize(3).allMatch(l -> !l.contains("--conf"));
        assertThat(line(out.toString(), "  clean ")).contains("no fix to apply");
        assertThat(err.toString()).contains("sparkwise demo: verify-fixes clean: nothing to fix");
    }

    @Test
    void verifyFixes_repeatZero_isUsageErrorBeforeAnyRun() {
        assertThat(execute("demo", "--verify-fixes", "--repeat", "0", "--out", tmp.resolve("out").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("sparkwise demo: --repeat must be at least 1, got 0\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void verifyFixes_unknownScenario_isUsageErrorAndCreatesNoDirectory() {
        assertThat(execute("demo", "--verify-fixes", "--scenario", "bad-name", "--out", tmp.resolve("out").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).endsWith("demo: unknown scenario 'bad-name'\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no line starting with '" + prefix + "' in:\n" + text));
    }

    private int execute(String... args) {
        return execute(new DemoCommand(properties()::get, ECHO_MAIN), args);
    }

    private int execute(DemoCommand demo, String... args) {
        CommandLine root = new CommandLine(new Root())
                .addSubcommand("analyze", analyze)
                .addSubcommand("demo", demo);
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        return root.execute(args);
    }

    private Map<String, String> properties() {
        return Map.of("java.home", System.getProperty("java.home"),
                DemoJvm.JAR_PROPERTY, demoJar.toString(),
                DemoJvm.CLASSPATH_FILE_PROPERTY, classpathFile.toString());
    }

    @Command(name = "sparkwise")
    static final class Root implements Callable<Integer> {
        @Override
        public Integer call() {
            return 2;
        }
    }

    @Command(name = "analyze")
    static final class RecordingAnalyze implements Callable<Integer> {
        final List<List<String>> received = new ArrayList<>();
        final List<String> formats = new ArrayList<>();
        int exitCode;

        @Parameters
        List<String> paths;

        @picocli.CommandLine.Option(names = "--format")
        String format = "text";

        @picocli.CommandLine.Option(names = "--output")
        String output;

        @picocli.CommandLine.Option(names = "--quiet")
        boolean quiet;

        @Override
        public Integer call() {
            received.add(List.copyOf(paths));
            formats.add(format);
            return exitCode;
        }
    }
}
