package io.sparkwise.report.markdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a rendered report with its golden file under {@code sparkwise-report/src/test/resources/golden} (tests run from the project root). Run
 * with {@code -Dsparkwise.golden.update=true} to rewrite the files after an intended change, then
 * review the diff like code.
 */
public final class Golden {

    private static final Path DIR = Path.of("sparkwise-report/src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("sparkwise.golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create it with -Dsparkwise.golden.update=true)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
