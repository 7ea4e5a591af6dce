package io.sparkwise.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Asks a running server over real HTTP, as a user's script would. */
final class ApiClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, String contentType, JsonNode json) {
    }

    /** GET {@code pathAndQuery} (raw, already encoded), the body read as JSON. */
    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                MAPPER.readTree(response.body()));
    }

    /** GET that must answer 200. */
    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        Answer answer = get(pathAndQuery);
        if (answer.status() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + answer.status() + ": " + answer.json());
        }
        return answer.json();
    }

    String base() {
        return base;
    }
}
