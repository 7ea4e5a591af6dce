package io.sparkwise.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sparkwise.server.db.ApplicationStore;
import io.sparkwise.server.db.AttemptRow;
import io.sparkwise.server.db.LogFileRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * The REST API over HTTP, with the JDK's {@link HttpServer} (no web framework: a handful of
 * read-only GET routes). Every answer comes from the database, never from the log, so its time
 * does not depend on the log's size. Errors are JSON {@code {"status": 404, "message": "..."}};
 * a request that fails never stops the server.
 *
 * <ul>
 *   <li>{@code GET /api/v1/applications[?status=completed|running][&limit=N]}: the History Server's list
 *   <li>{@code GET /api/v1/applications/{id}}: one application, as the History Server writes it
 *   <li>{@code GET /api/v1/sparkwise/applications/{id}[/{attemptId}]/findings}: ours, the findings by key
 *   <li>{@code GET /api/v1/sparkwise/logs}: ours, every log ingested and how it went
 * </ul>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    /** Names from logs may hold lone surrogates: escaped, the answer is valid UTF-8 JSON whatever they hold. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String PREFIX = "/api/v1/";

    static {
        // The JDK's server writes the headers and the body in two writes; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK of the headers. Measured on loopback, 200
        // requests for one application's findings: 10.0 s with Nagle, 1.3 s without. Read once,
        // when the JDK's server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ApplicationStore store;
    private final HttpServer http;
    private final ExecutorService handlers;

    private ApiServer(ApplicationStore store, HttpServer http, ExecutorService handlers) {
        this.store = store;
        this.http = http;
        this.handlers = handlers;
    }

    /** Starts answering on {@code bind:port} (port 0: any free port, see {@link #port()}). */
    public static ApiServer start(ApplicationStore store, String bind, int port, int threads) throws IOException {
        requireNonNull(store, "store is null");
        HttpServer http = HttpServer.create(new InetSocketAddress(requireNonNull(bind, "bind is null"), port), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService handlers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sparkwise-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ApiServer server = new ApiServer(store, http, handlers);
        http.createContext("/", server::handle);
        http.setExecutor(handlers);
        http.start();
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            int status = 200;
            byte[] body;
            try {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    throw new ApiException(405, "only GET is served: the API is read-only");
                }
                body = route(exchange);
            } catch (ApiException e) {
                status = e.status();
                body = error(status, e.getMessage());
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "request failed: " + exchange.getRequestURI(), e);
                status = 500;
                body = error(status, "internal error: " + e.getClass().getSimpleName());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client went away: nothing to answer, and nothing else to stop.
            LOG.log(Level.FINE, "cannot answer " + exchange.getRequestURI(), e);
        }
    }

    private byte[] route(HttpExchange exchange) throws ApiException, SQLException, IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith(PREFIX)) {
            throw new ApiException(404, "no such endpoint: " + path);
        }
        List<String> segments = segments(path.substring(PREFIX.length()));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (segments.size() == 1 && segments.get(0).equals("applications")) {
            return applications(query);
        }
        if (segments.size() == 2 && segments.get(0).equals("applications")) {
            return application(segments.get(1));
        }
        if (segments.size() >= 4 && segments.size() <= 5 && segments.get(0).equals("sparkwise")
                && segments.get(1).equals("applications") && segments.get(segments.size() - 1).equals("findings")) {
            Optional<String> attemptId = segments.size() == 5 ? Optional.of(segments.get(3)) : Optional.empty();
            return findings(segments.get(2), attemptId);
        }
        if (segments.equals(List.of("sparkwise", "logs"))) {
            return logs();
        }
        throw new ApiException(404, "no such endpoint: " + path);
    }

    private byte[] applications(Map<String, String> query) throws ApiException, SQLException, IOException {
        String status = query.getOrDefault("status", "").toLowerCase(java.util.Locale.ROOT);
        if (!List.of("", "completed", "running").contains(status)) {
            throw new ApiException(400, "status must be completed or running: " + query.get("status"));
        }
        int limit = limit(query.get("limit"));
        List<List<AttemptRow>> apps = new ArrayList<>();
        for (List<AttemptRow> app : Applications.group(store.attempts())) {
            boolean running = Applications.anyRunning(app);
            if (status.isEmpty() || running == status.equals("running")) {
                apps.add(app);
            }
        }
        return json(json -> {
            json.writeStartArray();
            for (List<AttemptRow> app : apps.subList(0, Math.min(limit, apps.size()))) {
                ApplicationJson.application(json, app);
            }
            json.writeEndArray();
        });
    }

    private byte[] application(String appId) throws ApiException, SQLException, IOException {
        List<AttemptRow> app = knownApplication(appId);
        return json(json -> ApplicationJson.application(json, app));
    }

    private byte[] findings(String appId, Optional<String> attemptId) throws ApiException, SQLException, IOException {
        List<AttemptRow> app = knownApplication(appId);
        AttemptRow attempt = Applications.attempt(app, attemptId)
                .orElseThrow(() -> new ApiException(404, "unknown attempt " + attemptId.orElse("") + " of " + appId));
        var findings = store.findingsOf(attempt.sourcePath());
        return json(json -> ApplicationJson.findings(json, attempt, findings));
    }

    private byte[] logs() throws SQLException, IOException {
        Map<String, LogFileRow> logs = new TreeMap<>(store.logFiles());
        return json(json -> {
            json.writeStartArray();
            for (LogFileRow log : logs.values()) {
                json.writeStartObject();
                json.writeStringField("path", log.fingerprint().sourcePath());
                json.writeNumberField("sizeBytes", log.fingerprint().sizeBytes());
                json.writeNumberField("modifiedEpoch", log.fingerprint().modifiedEpoch());
                json.writeNumberField("ingestedEpoch", log.ingestedEpoch());
                json.writeStringField("status", log.status());
                if (log.errorCode().isPresent()) {
                    json.writeStringField("errorCode", log.errorCode().get());
                }
                if (log.errorMessage().isPresent()) {
                    json.writeStringField("errorMessage", log.errorMessage().get());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    private List<AttemptRow> knownApplication(String appId) throws ApiException, SQLException {
        List<List<AttemptRow>> apps = Applications.group(store.attemptsOf(appId));
        if (apps.isEmpty()) {
            throw new ApiException(404, "unknown application: " + appId);
        }
        return apps.get(0);
    }

    private static int limit(String value) throws ApiException {
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "limit must be a whole number, 0 or more: " + value);
    }

    private static List<String> segments(String rawPath) throws ApiException {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) throws ApiException {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.putIfAbsent(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String raw) throws ApiException {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "malformed percent-encoding in the request: " + e.getMessage());
        }
    }

    private static byte[] error(int status, String message) {
        try {
            return json(json -> {
                json.writeStartObject();
                json.writeNumberField("status", status);
                json.writeStringField("message", message);
                json.writeEndObject();
            });
        } catch (IOException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] json(JsonWriting writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writing.write(json);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface JsonWriting {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Stops answering at once. Java 17's {@code stop(delay)} waits the whole delay even when no
     * request is under way (measured: 1,025 ms for {@code stop(1)} on an idle server); the API is
     * read-only, so a request cut by a shutdown is simply asked again.
     */
    @Override
    public void close() {
        http.stop(0);
        handlers.shutdownNow();
    }
}
