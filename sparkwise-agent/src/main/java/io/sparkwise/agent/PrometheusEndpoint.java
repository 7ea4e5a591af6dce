package io.sparkwise.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The scrape endpoint ({@code /metrics}, also {@code /}) on the JDK's own HTTP server: no
 * dependency to shade, nothing of Spark's UI or Jetty. One daemon thread serves it, so a slow
 * scraper never holds the driver up and never keeps its JVM alive.
 */
final class PrometheusEndpoint implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.sparkwise.agent");

    private final HttpServer server;
    private final ExecutorService executor;

    private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the endpoint; empty (logged once) when the port cannot be bound: the agent then keeps
     * working without it.
     */
    static Optional<PrometheusEndpoint> start(String host, int port, Supplier<String> body) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Sparkwise: no Prometheus endpoint, cannot listen on " + host + ":"
                    + port + " (" + e + "); the agent goes on without it. Set " + AgentSettings.PROMETHEUS_PORT
                    + " to a free port, or 0 for any.");
            return Optional.empty();
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sparkwise-prometheus");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, body));
        server.start();
        LOG.log(System.Logger.Level.INFO, "Sparkwise: Prometheus metrics on http://" + host + ":"
                + server.getAddress().getPort() + "/metrics");
        return Optional.of(new PrometheusEndpoint(server, executor));
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, Supplier<String> body) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/metrics")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
