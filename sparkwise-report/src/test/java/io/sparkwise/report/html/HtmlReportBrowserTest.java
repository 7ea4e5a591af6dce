package io.sparkwise.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.JsonReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import static io.sparkwise.report.AppFixture.app;
import static io.sparkwise.report.AppFixture.stageAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens reports of real logs in a real headless Chromium (Debian's chromium and chromium-driver):
 * no console errors, every chart drawn, the findings as the JSON report ranks them, sortable
 * tables. Screenshots are kept in sparkwise-report/target/html-report-test/. Skipped when
 * Chromium is not installed, unless SPARKWISE_REQUIRE_BROWSER=1 (as .ci/run sets it).
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("sparkwise-report/target/html-report-test");

    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("SPARKWISE_REQUIRE_BROWSER"))) {
            fail("SPARKWISE_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        assumeTrue(installed, "Chromium not installed (apt-get install chromium chromium-driver)");
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory("sparkwise-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CorpusReports.SMALL, CorpusReports.FAILURES, CorpusReports.DATABRICKS})
    void page_realLog_opensWithoutErrorsWithEveryChartDrawnAndTheJsonFindings(String log) throws IOException {
        AnalyzedApplication analyzed = CorpusReports.analyzed(log);
        String name = Path.of(log).getFileName().toString();
        Path page = write(name + ".html", new HtmlReport().page(analyzed));

        long loadEventEnd = open(page);

        assertThat(severeConsoleEntries()).isEmpty();
        // the page finished loading; how fast is not asserted (a timed check fails on a loaded machine)
        assertThat(loadEventEnd).as("load event of %s (%d bytes)", name, Files.size(page)).isPositive();
        List<WebElement> charts = browser.findElements(By.cssSelector("svg[data-chart]"));
        assertThat(charts).extracting(c -> c.getAttribute("data-chart"))
                .contains("stage-gantt", "task-durations", "io");
        for (WebElement chart : charts) {
            String id = chart.getAttribute("data-chart");
            assertThat(chart.findElements(By.cssSelector(".mark"))).as("marks of chart %s", id).isNotEmpty();
            assertThat(chart.findElements(By.cssSelector("text.chart-title"))).as("title of %s", id).hasSize(1);
            assertThat(chart.findElements(By.cssSelector("text.axis-title"))).as("axis of %s", id).hasSize(1);
            assertThat(chart.findElements(By.cssSelector("rect.swatch"))).as("legend of %s", id).isNotEmpty();
            assertThat(chart.getRect().getWidth()).as("width of %s", id).isGreaterThan(500);
        }
        assertThat(browser.findElements(By.cssSelector("#findings-list > li.finding")))
                .extracting(li -> li.getAttribute("data-rule")).containsExactlyElementsOf(jsonRuleIds(analyzed));
        screenshot(name + ".png");
    }

    @Test
    void simulationPage_databricksLog_drawsWallTimeAndExecutorHoursWithTheKneeMarked() throws IOException {
        io.sparkwise.eventlog.EventLogReader reader = new io.sparkwise.eventlog.EventLogReader();
        var simulator = io.sparkwise.simulator.Simulator.of(reader.read(reader.discover(CorpusReports.DATABRICKS_DIR).get(0)));
        var whatIf = simulator.whatIf(java.util.stream.IntStream.of(1, 2, 4, 8, 16)
                .mapToObj(n -> io.sparkwise.simulator.ClusterOption.fixed(n, 32)).toList());

        open(write("simulation.html", new SimulationHtml().page(whatIf)));

        assertThat(severeConsoleEntries()).isEmpty();
        List<WebElement> charts = browser.findElements(By.cssSelector("svg[data-chart]"));
        assertThat(charts).extracting(c -> c.getAttribute("data-chart"))
                .containsExactly("simulation-wall-time", "simulation-executor-hours");
        for (WebElement chart : charts) {
            assertThat(chart.findElements(By.cssSelector("circle.mark"))).hasSize(5);
            assertThat(chart.findElements(By.cssSelector("circle.knee-point"))).hasSize(1);
            assertThat(chart.findElement(By.cssSelector("polyline.series")).getRect().getWidth()).isGreaterThan(500);
        }
        assertThat(browser.findElements(By.cssSelector("#simulation-options tbody tr"))).hasSize(5);
        assertThat(browser.findElement(By.cssSelector("#simulation-options tr.knee td")).getText()).isEqualTo("4 x 32 cores");
        screenshot("simulation.png");
    }

    @Test
    void page_stageTable_sortsByTheClickedColumn() throws IOException {
        open(write("sortable.html", new HtmlReport().page(CorpusReports.analyzed(CorpusReports.SMALL))));

        WebElement tasks = browser.findElement(By.xpath("//table[@id='stage-table']/thead/tr/th[text()='tasks']"));
        tasks.click();
        List<Long> ascending = column("stage-table", 4);
        tasks.click();
        List<Long> descending = column("stage-table", 4);

        assertThat(ascending).isSorted().hasSizeGreaterThan(1);
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(tasks.getAttribute("aria-sort")).isEqualTo("descending");
    }

    @Test
    void page_scriptInApplicationName_isShownAsTextAndNeverRuns() throws IOException {
        String hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>";
        var analyzed = AnalyzedApplication.withoutFindings(app().name(hostile).stage(stageAttempt(0, 0).name(hostile).build())
                .build());
        open(write("hostile.html", new HtmlReport().page(analyzed)));

        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(hostile);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void severeConsoleEntries_pageThatThrows_isCaught() throws IOException {
        // Checks the check: an error in a page's script must reach the browser log this test reads.
        open(write("throws.html", "<!DOCTYPE html><html><body><script>throw new Error('boom');</script></body></html>"));

        assertThat(severeConsoleEntries()).singleElement().asString().contains("boom");
    }

    private static Path write(String fileName, String html) throws IOException {
        return Files.writeString(OUT.resolve(fileName), html, StandardCharsets.UTF_8);
    }

    /** Loads the page and returns how long the browser took to the load event, in ms. */
    /** Opens the page and returns when its load event ended (ms after navigation start; 0 if it never ended). */
    private static long open(Path page) {
        browser.get(page.toAbsolutePath().toUri().toString());
        Object ms = browser.executeScript(
                "var t = performance.getEntriesByType('navigation')[0]; return Math.round(t.loadEventEnd);");
        return ((Number) ms).longValue();
    }

    private static List<String> severeConsoleEntries() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        return severe;
    }

    private static List<String> jsonRuleIds(AnalyzedApplication analyzed) throws IOException {
        StringWriter json = new StringWriter();
        new JsonReport().render(List.of(analyzed), json);
        JsonNode findings = new ObjectMapper().readTree(json.toString()).at("/applications/0/findings");
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    private static List<Long> column(String tableId, int column) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr td:nth-child(" + column + ")")).stream()
                .map(td -> Long.parseLong(td.getAttribute("data-v"))).toList();
    }

    /** The whole page as a PNG: the window is resized to the page height (at most 12,000 pixels). */
    private static void screenshot(String fileName) throws IOException {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.min(12_000, height.intValue())));
        Files.write(OUT.resolve(fileName), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }
}
