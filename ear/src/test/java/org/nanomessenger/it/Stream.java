// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** A WebSocket client of /api/v1/stream that queues the frames it receives; tests poll with a timeout. */
final class Stream implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private Stream() {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(Deployments.BASE_URL.replace("http", "ws") + "/api/v1/stream"), this)
                .join();
    }

    /** Connects and sends the auth frame. */
    static Stream open(String token) {
        Stream stream = new Stream();
        stream.send(Api.object().put("type", "auth").put("token", token).toString());
        return stream;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void ack(String id) {
        send(Api.object().put("type", "ack").put("id", id).toString());
    }

    /** Acknowledges and waits for the server's confirmation; answers whether it came in time. */
    boolean ackAndConfirm(String id) throws InterruptedException {
        ack(id);
        JsonNode reply = next(10);
        return reply != null && "acked".equals(reply.get("type").asText()) && id.equals(reply.get("id").asText());
    }

    /** The next frame, or null after {@code seconds} without one. */
    JsonNode next(long seconds) throws InterruptedException {
        return frames.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(Api.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
        }
    }
}
