package io.sparkwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output never fails on input bytes (issue 16, item 5; issue 21): a log whose every kind of text
 * carries invalid UTF-8, lone surrogates, terminal escapes and control characters, and a log
 * with nonsense timestamps, analyzed in every format (and compared and simulated in each of
 * theirs), to stdout and to {@code --output}. Each
 * output must be written, strict UTF-8, free of raw control characters, and parse in its
 * format; the other logs in the same directory must still be reported.
 */
class HostileTextTest {

    private static final List<String> FORMATS = List.of("text", "json", "markdown", "html");

    /** One run; stdout goes through a REPORTing UTF-8 encoder, so a lone surrogate on stdout is an error. */
    private record Run(int exitCode, byte[] out, boolean outFailed, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter strictOut = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), true);
        StringWriter err = new StringWriter();
        CommandLine cli = SparkwiseCli.commandLine(CommandLine.defaultFactory());
        cli.setOut(strictOut);
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        strictOut.flush();
        return new Run(exitCode, out.toByteArray(), strictOut.checkError(), err.toString());
    }

    @Test
    void analyze_hostileLogToStdout_everyFormatWrittenSafe(@TempDir Path dir) throws IOException {
        Path log = HostileLogs.writeHostile(dir.resolve(HostileLogs.HOSTILE_FILE));
        for (String format : FORMATS) {
            Run run = run("analyze", log.toString(), "--format", format);

            assertThat(run.exitCode()).as(format + ": " + run.err()).isIn(0, 1);
            assertThat(run.outFailed()).as(format + ": stdout could not encode the report").isFalse();
            String report = strictUtf8(run.out());
            assertSafe(format, report);
            // The hostile text did reach the report, made visible: the test tests something.
            assertThat(report).as(format).contains(format.equals("json") ? "\\u001B" : "\\u001b", "0;title");
            assertNoControls("stderr", run.err(), "\n");
            assertThat(run.err()).as("stderr").contains("damaged line(s) skipped");
        }
    }

    @Test
    void analyze_directoryWithHostileLogsToOutput_everyFormatWrittenSafeWithEveryApplication(@TempDir Path tmp)
            throws IOException {
        Path logs = HostileLogs.write(tmp.resolve("logs"));
        for (String format : FORMATS) {
            Path output = tmp.resolve("report-" + format);
            Run run = run("analyze", logs.toString(), "--format", format, "--output", output.toString());

            assertThat(run.exitCode()).as(format + ": " + run.err()).isIn(0, 1);
            assertThat(run.out()).as(format).isEmpty();
            assertNoControls("stderr", run.err(), "\n");
            if (format.equals("html")) {
                List<Path> pages = list(output);
                assertThat(pages).as("a page per application and the index").hasSize(4);
                for (Path page : pages) {
                    assertSafe(format, strictUtf8(Files.readAllBytes(page)));
                }
                assertThat(Files.readString(output.resolve("index.html")))
                        .contains("local-1422981780767", "local-1795562771711");
            } else {
                String report = strictUtf8(Files.readAllBytes(output));
                assertSafe(format, report);
                // The untouched log beside the hostile ones is reported.
                assertThat(report).as(format).contains("local-1422981780767");
            }
        }
    }

    @Test
    void analyze_nonsenseTimestampsAsHtml_drawsThePage(@TempDir Path dir) throws IOException {
        Path log = HostileLogs.writeTimestamps(dir.resolve(HostileLogs.TIMESTAMPS_FILE));

        Run run = run("analyze", log.toString(), "--format", "html");

        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        String page = strictUtf8(run.out());
        assertSafe("html", page);
        assertThat(page).contains("data-chart=\"executor-timeline\"", "data-chart=\"stage-gantt\"");
    }

    @Test
    void compareAndSimulate_hostileLog_everyFormatWrittenSafe(@TempDir Path dir) throws IOException {
        Path log = HostileLogs.writeHostile(dir.resolve(HostileLogs.HOSTILE_FILE));
        List<String[]> runs = new ArrayList<>();
        for (String format : List.of("text", "markdown", "json")) {
            runs.add(new String[] {"compare", HostileLogs.SOURCE.toString(), log.toString(), "--format", format});
        }
        for (String format : List.of("text", "json", "html")) {
            runs.add(new String[] {"simulate", log.toString(), "--executors", "1,2", "--format", format});
        }
        for (String[] args : runs) {
            String format = args[args.length - 1];
            String what = args[0] + " " + format;
            Path output = dir.resolve(args[0] + "." + format);
            Run toStdout = run(args);
            Run toFile = run(Stream.concat(Stream.of(args), Stream.of("--output", output.toString())).toArray(String[]::new));

            assertThat(toStdout.exitCode()).as(what + ": " + toStdout.err()).isIn(0, 1);
            assertThat(toFile.exitCode()).as(what + ": " + toFile.err()).isIn(0, 1);
            assertThat(toStdout.outFailed()).as(what + ": stdout could not encode the output").isFalse();
            assertSafe(format, strictUtf8(toStdout.out()));
            assertSafe(format, strictUtf8(Files.readAllBytes(output)));
        }
    }

    private static void assertSafe(String format, String report) {
        switch (format) {
            case "json" -> assertJson(report);
            case "html" -> assertWellFormedHtml(report);
            default -> assertNoControls(format, report, "\n");
        }
    }

    private static void assertJson(String report) {
        assertNoControls("json", report, "\n");
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(report);
        } catch (IOException e) {
            throw new AssertionError("the JSON report does not parse: " + e.getMessage(), e);
        }
        assertThat(tree.isObject()).isTrue();
        // Parsed: an escaped lone surrogate ("\ud800") would show here as one.
        texts(tree).forEach(text -> assertThat(hasLoneSurrogate(text)).as("lone surrogate in %s", text).isFalse());
    }

    /** Every string value and field name in the tree. */
    private static Stream<String> texts(JsonNode node) {
        List<String> all = new ArrayList<>();
        if (node.isTextual()) {
            all.add(node.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            all.add(field.getKey());
            all.addAll(texts(field.getValue()).toList());
        }
        if (node.isArray()) {
            node.forEach(element -> all.addAll(texts(element).toList()));
        }
        return all.stream();
    }

    /**
     * A simple well-formedness check: the page without its doctype and the content of its own
     * style and script elements (written by the report, never from a log) parses as XML, which
     * rejects unbalanced or unclosed tags, bad entities and C0 controls; C1 and other controls
     * are looked for separately (newline and tab are fine in HTML).
     */
    private static void assertWellFormedHtml(String page) {
        assertNoControls("html", page, "\n\t");
        assertThat(page).startsWith("<!DOCTYPE html>\n");
        String xml = page.substring("<!DOCTYPE html>\n".length())
                .replaceAll("(?s)<style>.*?</style>", "<style/>")
                .replaceAll("(?s)<script>.*?</script>", "<script/>");
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("the HTML page is not well-formed: " + e.getMessage(), e);
        }
    }

    private static void assertNoControls(String what, String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (control && allowed.indexOf(c) < 0) {
                int from = Math.max(0, i - 40);
                throw new AssertionError(String.format("%s: raw control U+%04X at %d, after: %s", what, (int) c, i,
                        text.substring(from, i)));
            }
        }
        assertThat(hasLoneSurrogate(text)).as("%s: lone surrogate", what).isFalse();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid UTF-8: " + e, e);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
