package io.sparkwise.cli;

import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sparkwise.cli.CliRun.application;
import static io.sparkwise.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code analyze --format html}: one page to stdout or a file, several pages and an index to a directory. */
class AnalyzeHtmlTest {

    private static ApplicationSource apps(Application... applications) {
        return path -> List.of(applications).stream()
                .map(app -> new ApplicationSource.PendingRead(app.readReport().source(), () -> app))
                .toList();
    }

    @Test
    void analyze_oneApplicationAsHtml_writesOnePageToStdout() {
        CliRun run = run(apps(application("app-1")), "analyze", "/logs", "--format", "html");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").contains("<h1>app-1</h1>")
                .endsWith("</html>\n");
    }

    @Test
    void analyze_severalApplicationsAsHtmlToADirectory_writesAPageEachAndAnIndex(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("reports");

        CliRun run = run(apps(application("first"), application("second")), "analyze", "/logs", "--format", "html",
                "--output", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("sparkwise: wrote 2 reports and " + dir.resolve("index.html") + "\n");
        // Both test applications have the id local-1: the second page gets a suffix instead of overwriting the first.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("index.html", "local-1-2.html", "local-1.html");
        }
        String index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("href=\"local-1.html\"", "href=\"local-1-2.html\"", ">first<", ">second<");
        assertThat(Files.readString(dir.resolve("local-1-2.html"))).contains("<h1>second</h1>");
    }

    @Test
    void analyze_severalApplicationsAsHtmlWithoutOutput_isUsageError() {
        CliRun run = run(apps(application("first"), application("second")), "analyze", "/logs", "--format", "html");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sparkwise: --format html with 2 applications writes one page per application "
                + "and an index.html: give a directory with --output DIR\n");
    }

    @Test
    void analyze_severalApplicationsAsHtmlToAFile_isUsageError(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("report.html"), "old");

        CliRun run = run(apps(application("first"), application("second")), "analyze", "/logs", "--format", "html",
                "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).endsWith("give a directory with --output DIR (" + file + " is a file)\n");
        assertThat(Files.readString(file)).isEqualTo("old");
    }
}
