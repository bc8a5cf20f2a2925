// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.ServerProblemException;
import org.nanomessenger.client.ServerUnreachableException;
import org.nanomessenger.protocol.CryptoMode;

/**
 * The HTTP calls of docs/protocol.md §3, over the JDK's {@code HttpClient}. A refusal becomes a
 * {@link ServerProblemException} carrying the problem+json type; a connection that fails becomes a
 * {@link ServerUnreachableException}. The bearer token is passed per call and never logged.
 */
public final class ServerApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int NO_CONTENT = 204;
    private static final int BAD_GATEWAY = 502;

    private final URI base;
    private final HttpClient http;

    /** Calls the server at {@code base} (its origin, such as {@code https://chat.example.org}). */
    public ServerApi(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The server's origin, without a trailing slash. */
    public URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    /** A new JSON object for a request body. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A path segment, percent-encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code GET /api/v1{path}}: the JSON answer, or the problem thrown. */
    public JsonNode get(String path, String token) throws ServerProblemException, ServerUnreachableException {
        return send(request(path, token).GET(), path);
    }

    /** {@code POST /api/v1{path}} with a JSON body: the JSON answer, or the problem thrown. */
    public JsonNode post(String path, String token, JsonNode body)
            throws ServerProblemException, ServerUnreachableException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), path);
    }

    /** {@code PUT /api/v1{path}}, with a JSON body or none: null for 204, or the problem thrown. */
    public JsonNode put(String path, String token, JsonNode body)
            throws ServerProblemException, ServerUnreachableException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        return send(request(path, token).header("Content-Type", "application/json").PUT(publisher), path);
    }

    /** {@code DELETE /api/v1{path}}: null for 204, or the problem thrown. */
    public JsonNode delete(String path, String token) throws ServerProblemException, ServerUnreachableException {
        return send(request(path, token).DELETE(), path);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends; answers the JSON body (null when empty) of a 2xx, or throws the problem. */
    private JsonNode send(HttpRequest.Builder builder, String path)
            throws ServerProblemException, ServerUnreachableException {
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ServerUnreachableException("Cannot reach the server at " + base + " (connection refused or "
                    + "timed out): is it running, and is the URL right?", e);
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachableException("The server at " + base + " did not answer in time", e);
        } catch (IOException e) {
            throw new ServerUnreachableException("The connection to " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("Interrupted while talking to " + base, e);
        }

        JsonNode body = parseJson(response.body());
        int status = response.statusCode();
        if (status == NO_CONTENT) {
            return null;
        }
        if (status / 100 == 2 && body != null) {
            return body;
        }
        if (status / 100 == 2) {
            throw badAnswer("answered " + status + " to " + path + " without a JSON body");
        }
        throw problem(status, body, path);
    }

    /** The crypto mode named by {@code node}, which comes from the server. */
    public static CryptoMode mode(JsonNode node) throws ServerProblemException {
        try {
            return CryptoMode.fromWireName(node.asText());
        } catch (IllegalArgumentException e) {
            throw badAnswer("named the unknown crypto mode '" + node.asText() + "'");
        }
    }

    /** A server answer this client cannot use, as a problem of status 502 (a bad upstream answer). */
    public static ServerProblemException badAnswer(String what) {
        return new ServerProblemException(URI.create("about:blank"), BAD_GATEWAY, "Unusable answer",
                "The server " + what);
    }

    /** Parses JSON text; null when it is empty or not JSON. */
    public static JsonNode parseJson(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** The problem of a refusal; one the server did not describe (a proxy's 502) gets a plain one. */
    static ServerProblemException problem(int status, JsonNode body, String path) {
        if (body != null && body.hasNonNull("type")) {
            URI type;
            try {
                type = new URI(body.get("type").asText());
            } catch (URISyntaxException e) {
                type = URI.create("about:blank");
            }
            return new ServerProblemException(type, status, body.path("title").asText(""),
                    body.path("detail").asText(null));
        }
        return new ServerProblemException(URI.create("about:blank"), status, "HTTP " + status,
                "The server answered " + status + " to " + path + " without a problem description");
    }
}
