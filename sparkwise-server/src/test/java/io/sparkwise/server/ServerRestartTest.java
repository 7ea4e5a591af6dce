package io.sparkwise.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkwise.analysis.Finding;
import io.sparkwise.engine.AnalysisOptions;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.Sparkwise;
import io.sparkwise.engine.json.ResultJson;
import io.sparkwise.server.db.ApplicationStore;
import io.sparkwise.server.db.Database;
import io.sparkwise.server.ingest.ScanSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A server restarted on the same database answers as before, from the database alone: the logs are gone. */
class ServerRestartTest {

    private static final List<String> LOGS = List.of(
            "apache-spark/spark-events/local-1426533911241",
            "apache-spark/spark-events/local-1426633911242",
            "apache-spark/spark-events/app-20180109111548-0000",
            "spark4/zstd/local-1795562808917.zstd");
    private static final List<String> REQUESTS = List.of(
            "/api/v1/applications",
            "/api/v1/applications/local-1426533911241",
            "/api/v1/sparkwise/applications/local-1426533911241/1/findings",
            "/api/v1/sparkwise/applications/app-20180109111548-0000/findings",
            "/api/v1/sparkwise/applications/local-1795562808917/findings");

    @TempDir
    Path tmp;

    @Test
    void restart_logsDeleted_servesTheSameAnswersFromTheDatabase() throws Exception {
        Path logs = tmp.resolve("logs");
        for (String log : LOGS) {
            CorpusLogs.copy(log, logs);
        }
        String db = ServerConfig.h2File(tmp.resolve("db/sparkwise"));
        List<JsonNode> before;
        try (SparkwiseServer server = SparkwiseServer.start(config(logs, db), summary -> { })) {
            assertThat(server.scan().analyzed()).isEqualTo(LOGS.size());
            before = answers(new ApiClient(server.port()));
        }
        deleteAll(logs);

        List<JsonNode> after;
        try (SparkwiseServer server = SparkwiseServer.start(config(logs, db), summary -> { })) {
            after = answers(new ApiClient(server.port()));
            ScanSummary scan = server.scan();
            assertThat(scan.found()).isZero();
            assertThat(scan.problems()).singleElement().asString().startsWith(logs.toString());
            assertThat(answers(new ApiClient(server.port()))).isEqualTo(before);
        }

        assertThat(after).isEqualTo(before);
        assertThat(before.get(0)).hasSize(3);
        assertThat(before.get(1).get("attempts")).hasSize(2);
    }

    @Test
    void storedResult_loadsBackIntoTheEnginesObjects() throws Exception {
        Path log = CorpusLogs.copy("apache-spark/spark-events/app-20180109111548-0000", tmp.resolve("logs"));
        String db = ServerConfig.h2File(tmp.resolve("db/sparkwise"));
        try (SparkwiseServer server = SparkwiseServer.start(config(log.getParent(), db), summary -> { })) {
            server.scan();
        }
        Sparkwise sparkwise = new Sparkwise();
        AnalysisResult analyzed = sparkwise.analyze(sparkwise.discover(log.toString()).get(0), AnalysisOptions.defaults());

        try (Database database = Database.open(db)) {
            String json = new ApplicationStore(database).resultJson(log.toString()).orElseThrow();
            AnalysisResult stored = ResultJson.fromJson(json);

            assertThat(stored.analysis().findings().stream().map(Finding::key))
                    .containsExactlyElementsOf(analyzed.analysis().findings().stream().map(Finding::key).toList());
            assertThat(stored.application().info()).isEqualTo(analyzed.application().info());
            assertThat(ResultJson.toJson(stored)).isEqualTo(ResultJson.toJson(analyzed));
        }
    }

    private static ServerConfig config(Path logs, String db) {
        return new ServerConfig(List.of(logs.toString()), db, "127.0.0.1", 0, Duration.ZERO, 2);
    }

    private static List<JsonNode> answers(ApiClient api) throws Exception {
        List<JsonNode> answers = new java.util.ArrayList<>();
        for (String request : REQUESTS) {
            answers.add(api.json(request));
        }
        return answers;
    }

    private static void deleteAll(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
