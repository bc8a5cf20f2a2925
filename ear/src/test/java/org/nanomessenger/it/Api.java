// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Plain HTTP calls to the API, as any client in any language would make them. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {
    }

    /** A response: status, content type and parsed body (null when empty or not JSON). */
    record Answer(int status, String contentType, String text, JsonNode body) {

        /** The problem type's last segment, for problem+json answers. */
        String problem() {
            return body == null || !body.has("type") ? null
                    : body.get("type").asText().substring("https://nanomessenger.org/problems/".length());
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    static Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    static Answer post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    static Answer put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    /** Sends a raw body with any method and content type, for bad-input tests. */
    static Answer raw(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path, token).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private static String text(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Deployments.BASE_URL + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = null;
            if (type.contains("json") && !response.body().isEmpty()) {
                body = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), type, response.body(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
