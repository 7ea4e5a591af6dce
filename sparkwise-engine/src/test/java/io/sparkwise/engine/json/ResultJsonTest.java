package io.sparkwise.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Impact;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.state.RetentionLimits;
import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.Environment;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultJsonTest {

    static final String CORPUS = "../shared/eventlogs";
    static final String SMALL_LOG = "../shared/eventlogs/apache-spark/spark-events/application_1553914137147_0018";

    private final Sparkwise sparkwise = new Sparkwise();

    /**
     * Also measures what the lossless section adds to the report's fields (compact JSON, whole
     * corpus), the figures of docs/json.md, "lossless": printed, and the sketches' share bounded.
     */
    @Test
    void fromJson_everyCorpusLog_givesEqualResultAndTheSameBytesAgain() throws IOException {
        List<String> unreadable = new ArrayList<>();
        int roundTrips = 0;
        Sizes sizes = new Sizes();
        for (LogInput log : sparkwise.discover(CORPUS)) {
            AnalysisResult result;
            try {
                result = sparkwise.analyze(log, AnalysisOptions.defaults());
            } catch (SparkwiseException e) {
                unreadable.add(log.name());
                continue;
            }
            String json = ResultJson.toJson(result);
            AnalysisResult back = ResultJson.fromJson(json);

            assertThat(back).as(log.name()).isEqualTo(result);
            assertThat(ResultJson.toJson(back)).as(log.name()).isEqualTo(json);
            roundTrips++;
            sizes.add(json, result);
        }
        assertThat(roundTrips).as("logs read (not read: %s)", unreadable).isGreaterThan(80);
        System.out.println(sizes);
        // The compact encoding's point: every stage's 23 sketches cost a fraction of the report.
        assertThat(sizes.stages).isLessThan(sizes.report / 6);
    }

    /** Bytes (UTF-8) of the compact JSON: the report's fields, and each part of the lossless section. */
    private static final class Sizes {
        long report;
        long properties;
        long executorHosts;
        long stages;
        long sql;
        long findings;
        long prettyReport;
        long prettyLossless;

        void add(String json, AnalysisResult result) throws IOException {
            prettyReport += pretty(result, ResultJson.Detail.REPORT);
            prettyLossless += pretty(result, ResultJson.Detail.LOSSLESS);
            int lossless = json.indexOf(",\"lossless\":");
            report += utf8(json.substring(0, lossless)) + 1;
            String section = json.substring(lossless);
            int hosts = section.indexOf("\"executorHosts\":");
            int stageAt = section.indexOf("\"stages\":");
            int sqlAt = section.indexOf("\"sql\":");
            int findingsAt = section.indexOf("\"findings\":");
            properties += utf8(section.substring(0, hosts));
            executorHosts += utf8(section.substring(hosts, stageAt));
            stages += utf8(section.substring(stageAt, sqlAt));
            sql += utf8(section.substring(sqlAt, findingsAt));
            findings += utf8(section.substring(findingsAt));
        }

        /** As {@code analyze --format json} prints an application: pretty-printed. */
        private static long pretty(AnalysisResult result, ResultJson.Detail detail) throws IOException {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
                ResultJson.write(result, json, detail);
            }
            return utf8(out.toString());
        }

        private static long utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public String toString() {
            long section = properties + executorHosts + stages + sql + findings;
            return String.format("result JSON over the corpus (compact, bytes): report fields %,d; lossless section %,d "
                    + "(+%.1f%%): properties %,d, executor hosts %,d, stages (sketches, locality) %,d (+%.1f%%), "
                    + "sql %,d, findings %,d; pretty-printed: report fields %,d, with the section %,d (+%.1f%%)",
                    report, section, 100.0 * section / report, properties, executorHosts, stages, 100.0 * stages / report,
                    sql, findings, prettyReport, prettyLossless, 100.0 * (prettyLossless - prettyReport) / prettyReport);
        }
    }

    @Test
    void fromJson_hostileStrings_roundTripAndEncodeAsUtf8() {
        String hostile = "lone \uD800 high, lone \uDFFF low, pair \uD83D\uDE00, nul \u0000, esc \u001B, del \u007F, "
                + "quote \" backslash \\ line\nbreak \u2028";
        AnalysisResult real = analyze(SMALL_LOG);
        Application app = real.application();
        ApplicationInfo info = app.info();
        Map<String, String> properties = new LinkedHashMap<>(app.environment().sparkProperties());
        properties.put(hostile, hostile);
        Environment env = app.environment();
        ReadReport report = app.readReport();
        Application hostileApp = new Application(
                new ApplicationInfo(info.id(), hostile, Optional.of(hostile), hostile, info.startTime(), info.endTime(),
                        info.duration(), info.lastEventTime(), info.sparkVersion(), info.master(), info.clusterManager(),
                        info.completed()),
                new Environment(env.javaVersion(), Optional.of(hostile), env.scalaVersion(), properties,
                        Map.of(hostile, hostile), env.systemProperties(), env.metricsProperties(), env.classpathEntryCount()),
                app.resourceProfiles(), app.jobs(), app.stages(), app.executors(), app.sqlExecutions(), app.taskFailures(),
                new ReadReport(report.source(), report.files(), report.bytesRead(), report.lines(), report.events(),
                        report.eventCounts(), report.unknownEvents(),
                        List.of(new ReadReport.DamagedLine(hostile, 7, hostile)), 1, false, false, report.notes()));
        AnalysisResult result = AnalysisResult.of(hostileApp, real.analysis());

        String json = ResultJson.toJson(result);

        assertThat(json).doesNotContain("\uD800", "\uDFFF", "\u0000", "\u001B").contains("\\uD800", "\\u0000");
        String throughUtf8 = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(throughUtf8).isEqualTo(json);
        assertThat(ResultJson.fromJson(throughUtf8)).isEqualTo(result);
    }

    @Test
    void fromJson_applicationWithFoldedJobsAndStages_roundTripsTheTotals() {
        EventLogReader reader = new EventLogReader(new RetentionLimits(1, 1, 1));
        Application app = reader.read(reader.discover(SMALL_LOG).get(0));
        assertThat(app.folded().isEmpty()).as("the log has more than one job").isFalse();
        AnalysisResult result = new Sparkwise().analyze(app, AnalysisOptions.defaults());

        String json = ResultJson.toJson(result);

        assertThat(json).contains("\"folded\":{\"jobs\":" + app.folded().jobs());
        assertThat(ResultJson.fromJson(json)).isEqualTo(result);
        assertThat(app.readReport().notes()).anyMatch(note -> note.startsWith("retention limits (1 jobs"));
    }

    @Test
    void fromJson_findingWithEveryEvidenceType_roundTrips() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("int", 7);
        evidence.put("long", 7L);
        evidence.put("double", 0.25);
        evidence.put("nan", Double.NaN);
        evidence.put("float", 1.5f);
        evidence.put("short", (short) 3);
        evidence.put("text", "a, b");
        evidence.put("flag", true);
        evidence.put("ids", List.of(1L, 2L));
        evidence.put("names", List.of("x", 4, List.of(5)));
        Finding finding = new Finding("test.every-type", Severity.WARNING, "every type", Scope.executor("7"), evidence,
                new Impact(Double.POSITIVE_INFINITY, 12.345678), new Recommendation("do", Map.of("spark.a", "1")),
                List.of("memoryBytesSpilled"), Optional.of("root.cause"));
        AnalysisResult real = analyze(SMALL_LOG);
        AnalysisResult result = AnalysisResult.of(real.application(),
                new Analysis(List.of(finding), Map.of("spark.a", "1"), List.of("note"), List.of("rule x failed")));

        String json = ResultJson.toJson(result);
        AnalysisResult back = ResultJson.fromJson(json);

        assertThat(back).isEqualTo(result);
        assertThat(back.analysis().findings().get(0).evidence()).containsExactlyEntriesOf(evidence);
        assertThat(ResultJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void fromJson_reportWithoutLosslessSection_isRejectedWithWhatIsMissing() {
        AnalysisResult result = analyze(SMALL_LOG);
        String json = ResultJson.toJson(result);
        String reportOnly = json.substring(0, json.indexOf(",\"lossless\":")) + "}";

        assertThatThrownBy(() -> ResultJson.fromJson(reportOnly))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessage("not a Sparkwise result: $.lossless: expected the lossless section: the report of "
                        + "`sparkwise analyze` leaves out what rebuilding the result needs; write results with "
                        + "ResultJson.toJson");
    }

    @Test
    void fromJson_mistypedField_namesItsPath() {
        String json = ResultJson.toJson(analyze(SMALL_LOG)).replaceFirst("\"numSkippedStages\":(\\d+)", "\"numSkippedStages\":\"$1\"");

        assertThatThrownBy(() -> ResultJson.fromJson(json))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("not a Sparkwise result: $.jobs[0].numSkippedStages: expected a whole number");
    }

    @Test
    void fromJson_losslessSectionOfAnotherVersion_isRejected() {
        String json = ResultJson.toJson(analyze(SMALL_LOG)).replace("\"lossless\":{\"version\":1,", "\"lossless\":{\"version\":2,");

        assertThatThrownBy(() -> ResultJson.fromJson(json))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("not a Sparkwise result: $.lossless.version: expected 1 (the version this reader knows), not 2");
    }

    @Test
    void fromJson_notJson_isMalformedInput() {
        assertThatThrownBy(() -> ResultJson.fromJson("{\"application\": "))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageStartingWith("not a Sparkwise result: ");
    }

    private AnalysisResult analyze(String path) {
        return sparkwise.analyze(sparkwise.discover(path).get(0), AnalysisOptions.defaults());
    }
}
