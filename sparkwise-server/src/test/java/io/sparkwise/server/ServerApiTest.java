package io.sparkwise.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sparkwise.analysis.Finding;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.server.ingest.ScanSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server over real HTTP, on logs of the corpus copied into a temporary directory: Spark's own
 * test logs (the History Server's expected list is for exactly that folder), a Spark 4 log, an
 * incomplete one and two damaged ones, ingested once into an H2 file database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest {

    private static final String SPARK_EVENTS = "apache-spark/spark-events";
    private static final String SPARK_EXPECTATIONS = "apache-spark/expectations/";
    /** Logs whose History Server answers are in ../shared/eventlogs/expectations, beside Spark's folder. */
    private static final List<String> MORE_LOGS = List.of(
            "spark4/plain/local-1795562771711",
            "spark-rapids-tools/spark-events-qualification/truncated_eventlog");
    /** Half-damaged (one malformed line, analyzed) and not an event log at all (stored as failed). */
    private static final String DAMAGED = "spark-rapids-tools/spark-events-profiling/malformed_json_eventlog.zstd";
    private static final String NOT_A_LOG = "sparklint/invalid_log_file";

    @TempDir
    static Path tmp;

    private SparkwiseServer server;
    private ApiClient api;
    private ScanSummary firstScan;
    private final Map<String, String> corpusPathByCopy = new LinkedHashMap<>();

    @BeforeAll
    void ingest() throws Exception {
        Path sparkDir = tmp.resolve("spark-events");
        Path otherDir = tmp.resolve("other");
        CorpusLogs.copyAll(SPARK_EVENTS, sparkDir);
        for (String log : MORE_LOGS) {
            corpusPathByCopy.put(CorpusLogs.copy(log, otherDir).toString(), log);
        }
        CorpusLogs.copy(DAMAGED, otherDir);
        CorpusLogs.copy(NOT_A_LOG, otherDir);
        ServerConfig config = new ServerConfig(List.of(sparkDir.toString(), otherDir.toString()),
                ServerConfig.h2File(tmp.resolve("db/sparkwise")), "127.0.0.1", 0, Duration.ZERO, 2);
        server = SparkwiseServer.start(config, summary -> { });
        firstScan = server.scan();
        api = new ApiClient(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void scan_firstTime_analyzesEveryLogAndStoresTheOneThatIsNoLogAsFailed() {
        assertThat(firstScan.found()).isEqualTo(18 + MORE_LOGS.size() + 2);
        assertThat(firstScan.failed()).isEqualTo(1);
        assertThat(firstScan.analyzed()).isEqualTo(firstScan.found() - 1);
        assertThat(firstScan.problems()).isEmpty();
    }

    @Test
    void applications_sparkTestLogs_equalTheHistoryServersList() throws Exception {
        for (String[] request : new String[][] {
                {"/api/v1/applications", "application_list_json_expectation.json"},
                {"/api/v1/applications?status=completed", "completed_app_list_json_expectation.json"}}) {
            JsonNode expected = ApiClient.MAPPER.readTree(CorpusLogs.CORPUS.resolve(SPARK_EXPECTATIONS + request[1]).toFile());
            JsonNode ours = onlyIdsOf(api.json(request[0]), expected);

            assertThat(HistoryServerFields.differences(ours, expected, HistoryServerFields.MODIFICATION_TIME))
                    .as(request[0]).isEmpty();
        }
    }

    @Test
    void applications_lastUpdated_isTheLogsModificationTime() throws Exception {
        JsonNode attempt = api.json("/api/v1/applications/local-1422981759269").get("attempts").get(0);
        long modified = Files.getLastModifiedTime(tmp.resolve("spark-events/local-1422981759269")).toMillis();

        assertThat(attempt.get("lastUpdatedEpoch").asLong()).isEqualTo(modified);
    }

    @Test
    void applications_statusAndLimit_filterAsTheHistoryServer() throws Exception {
        JsonNode all = api.json("/api/v1/applications");
        JsonNode running = api.json("/api/v1/applications?status=RUNNING");
        JsonNode completed = api.json("/api/v1/applications?status=completed");
        JsonNode firstThree = api.json("/api/v1/applications?limit=3");

        assertThat(ids(running)).containsExactly("local-1622043423018"); // truncated_eventlog: no application end
        assertThat(running.size() + completed.size()).isEqualTo(all.size());
        assertThat(firstThree).isEqualTo(ApiClient.MAPPER.createArrayNode().addAll(List.of(all.get(0), all.get(1), all.get(2))));
        assertThat(api.json("/api/v1/applications?limit=0")).isEmpty();
    }

    @Test
    void application_eachLogWithAHistoryServerAnswer_equalsIt() throws Exception {
        Map<String, String> corpusLogs = new LinkedHashMap<>();
        try (var files = Files.list(CorpusLogs.CORPUS.resolve(SPARK_EVENTS))) {
            files.sorted().forEach(f -> corpusLogs.put(f.getFileName().toString(), SPARK_EVENTS + "/" + f.getFileName()));
        }
        MORE_LOGS.forEach(log -> corpusLogs.put(log, log));
        int compared = 0;
        for (String log : corpusLogs.values()) {
            var dir = CorpusLogs.expectationFor(log);
            if (dir.isEmpty()) {
                continue;
            }
            JsonNode expected = ApiClient.MAPPER.readTree(dir.get().resolve("application.json").toFile());
            if (expected.get("attempts").size() != api.json("/api/v1/applications/" + expected.get("id").asText())
                    .get("attempts").size()) {
                continue; // that History Server saw this one log; ours holds every attempt of the application
            }
            JsonNode ours = api.json("/api/v1/applications/" + expected.get("id").asText());

            assertThat(HistoryServerFields.differences(ours, expected, HistoryServerFields.MODIFICATION_TIME))
                    .as(log).isEmpty();
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(15);
    }

    @Test
    void findings_eachApplication_areTheKeysAnalyzeGives() throws Exception {
        Sparkwise sparkwise = new Sparkwise();
        int withFindings = 0;
        for (String dir : List.of("spark-events", "other")) {
            for (LogInput log : sparkwise.discover(tmp.resolve(dir).toString())) {
                if (log.name().endsWith("invalid_log_file")) {
                    continue;
                }
                var result = sparkwise.analyze(log, AnalysisOptions.defaults());
                var info = result.application().info();
                String path = "/api/v1/sparkwise/applications/" + info.id()
                        + info.attemptId().map(a -> "/" + a).orElse("") + "/findings";
                JsonNode ours = api.json(path);
                List<String> keys = new ArrayList<>();
                ours.get("findings").forEach(f -> keys.add(f.get("key").asText()));

                assertThat(keys).as(path).containsExactlyElementsOf(
                        result.analysis().findings().stream().map(Finding::key).toList());
                withFindings += keys.isEmpty() ? 0 : 1;
            }
        }
        assertThat(withFindings).isGreaterThan(5);
    }

    @Test
    void logs_damagedLogs_areStoredWithTheirReadReportOrError() throws Exception {
        JsonNode logs = api.json("/api/v1/sparkwise/logs");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        logs.forEach(l -> byName.put(Path.of(l.get("path").asText()).getFileName().toString(), l));

        assertThat(byName.get("invalid_log_file").get("status").asText()).isEqualTo("FAILED");
        assertThat(byName.get("invalid_log_file").get("errorCode").asText()).isNotBlank();
        assertThat(byName.get("invalid_log_file").get("errorMessage").asText()).contains("invalid_log_file");
        assertThat(byName.get("malformed_json_eventlog.zstd").get("status").asText()).isEqualTo("ANALYZED");
        assertThat(logs).hasSize(firstScan.found());
    }

    @Test
    void scan_again_ingestsNothingNew_andAChangedLogOnly() throws Exception {
        JsonNode before = api.json("/api/v1/applications");

        ScanSummary again = server.scan();

        assertThat(again.unchanged()).isEqualTo(again.found());
        assertThat(again.analyzed() + again.failed()).isZero();
        assertThat(api.json("/api/v1/applications")).isEqualTo(before);

        Path log = tmp.resolve("spark-events/local-1430917381534");
        Files.setLastModifiedTime(log, FileTime.fromMillis(Files.getLastModifiedTime(log).toMillis() + 1000));
        ScanSummary changed = server.scan();
        assertThat(changed.analyzed()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(changed.found() - 1);
    }

    @Test
    void badRequests_answerJsonErrors_andTheServerGoesOn() throws Exception {
        assertError(api.get("/api/v1/applications/no-such-app"), 404, "unknown application: no-such-app");
        assertError(api.get("/api/v1/sparkwise/applications/no-such-app/findings"), 404, "unknown application: no-such-app");
        assertError(api.get("/api/v1/sparkwise/applications/local-1426533911241/9/findings"), 404,
                "unknown attempt 9 of local-1426533911241");
        assertError(api.get("/api/v1/applications?status=paused"), 400, "status must be completed or running: paused");
        assertError(api.get("/api/v1/applications?limit=-1"), 400, "limit must be a whole number, 0 or more: -1");
        assertError(api.get("/api/v1/applications?limit=many"), 400, "limit must be a whole number, 0 or more: many");
        assertThat(rawStatusLine("/api/v1/applications/%zz")).isEqualTo("HTTP/1.1 400 Bad Request");
        assertError(api.get("/api/v1/nothing/here"), 404, "no such endpoint: /api/v1/nothing/here");
        assertError(api.get("/index.html"), 404, "no such endpoint: /index.html");
        assertError(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/applications"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 405, "only GET is served: the API is read-only");

        assertThat(api.json("/api/v1/applications")).isNotEmpty();
    }

    private static void assertError(ApiClient.Answer answer, int status, String message) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        if (message != null) {
            assertThat(answer.json().get("message").asText()).isEqualTo(message);
        }
    }

    /** What the JDK's HTTP client refuses to send: a request line as a careless client writes it. */
    private String rawStatusLine(String rawPath) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** Ours restricted to the applications the History Server's list has (ours also holds the other logs). */
    private static JsonNode onlyIdsOf(JsonNode ours, JsonNode expected) {
        Set<String> wanted = new HashSet<>(ids(expected));
        ArrayNode kept = ApiClient.MAPPER.createArrayNode();
        ours.forEach(app -> {
            if (wanted.contains(app.get("id").asText())) {
                kept.add(app);
            }
        });
        return kept;
    }

    private static List<String> ids(JsonNode apps) {
        List<String> ids = new ArrayList<>();
        apps.forEach(app -> ids.add(app.get("id").asText()));
        return ids;
    }
}
