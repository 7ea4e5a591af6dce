package io.sparkwise.report.html;

import io.sparkwise.report.AnalyzedApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sparkwise.report.AppFixture.app;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlPagesTest {

    private static AnalyzedApplication named(String id, String name) {
        return AnalyzedApplication.withoutFindings(app().id(id).name(name).build());
    }

    @Test
    void fileNames_idsWithPathCharactersOrClashes_areMadeSafeAndUnique() {
        List<AnalyzedApplication> apps = List.of(named("../../etc/passwd", "a"), named("app-1", "b"),
                named("app-1", "c"), named("index", "d"),
                AnalyzedApplication.withoutFindings(app().id("app-2").attemptId("1").build()));

        assertThat(HtmlPages.fileNames(apps)).containsExactly("app.._.._etc_passwd.html", "app-1.html", "app-1-2.html",
                "index-2.html", "app-2_1.html");
    }

    @Test
    void write_twoApplications_writesTheirPagesAndAnIndexLinkingThem(@TempDir Path dir) throws IOException {
        List<Path> written = new HtmlPages().write(List.of(named("app-1", "<b>first</b>"), named("app-2", "second")), dir);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("app-1.html", "app-2.html", "index.html");
        String index = Files.readString(dir.resolve("index.html"));
        assertThat(index).contains("<a href=\"app-1.html\">open</a>", "&lt;b&gt;first&lt;/b&gt;", "healthy")
                .doesNotContain("<b>first</b>");
    }
}
