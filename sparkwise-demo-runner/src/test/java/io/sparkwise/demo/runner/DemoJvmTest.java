package io.sparkwise.demo.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoJvmTest {

    @TempDir
    Path tmp;

    @Test
    void command_putsSharedJvmOptionsBeforeSizingAndTheDemoJarFirstOnTheClasspath() {
        FakeDemoBuild build = FakeDemoBuild.in(tmp, "");

        List<String> command = build.jvm().command(List.of("--list"));

        assertThat(command).containsSubsequence("-Decho.flag=on", "-Xss2m", "-Xmx2g", "-cp");
        assertThat(command.get(command.indexOf("-cp") + 1)).startsWith(build.demoJar() + File.pathSeparator);
        assertThat(command.subList(command.size() - 2, command.size()))
                .containsExactly(FakeDemoBuild.ECHO_MAIN, "--list");
    }

    @Test
    void parseJvmOptions_commentsBlankLinesAndSeveralFlagsPerLine() {
        assertThat(DemoJvm.parseJvmOptions("# why\n  --add-opens=a=ALL-UNNAMED\n\n-Dx=1 -Dy=2\n"))
                .containsExactly("--add-opens=a=ALL-UNNAMED", "-Dx=1", "-Dy=2");
    }

    @Test
    void fromProperties_classpathFileMissing_namesItAndHowToBuild() {
        Path missing = tmp.resolve("classpath.txt");
        Map<String, String> properties = Map.of("java.home", System.getProperty("java.home"),
                DemoJvm.JAR_PROPERTY, FakeDemoBuild.in(tmp.resolve("build"), "").demoJar().toString(),
                DemoJvm.CLASSPATH_FILE_PROPERTY, missing.toString());

        assertThatThrownBy(() -> DemoJvm.fromProperties(properties::get, FakeDemoBuild.ECHO_MAIN))
                .isInstanceOf(DemoException.class)
                .hasMessage("the demo module is not built: " + missing + " does not exist (run: mvn -B -DskipTests package)");
    }
}
