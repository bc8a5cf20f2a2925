// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.nanomessenger.client.ServerProblemException;
import org.nanomessenger.client.ServerUnreachableException;

/**
 * One connection to the WebSocket stream of docs/protocol.md §5: authenticates with the first
 * frame, then hands each frame to a {@link Frames} callback. Frames are delivered one at a time,
 * in order; the next is requested only when the callback returns.
 */
public final class Stream implements WebSocket.Listener {

    /** What the stream delivers. */
    public interface Frames {

        /** The server accepted the token on {@code stream}; the backlog follows. */
        void ready(Stream stream);

        /** An envelope object (§3.2) on {@code stream}, from the backlog or pushed. */
        void envelope(Stream stream, JsonNode envelope);

        /** The socket closed. {@code problem} is the server's refusal if it sent one, else null. */
        void closed(int code, String reason, ServerProblemException problem);
    }

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(15);
    /** RFC 6455 §7.4.1: the connection was lost without a close frame. */
    private static final int ABNORMAL_CLOSURE = 1006;

    private final Frames frames;
    private final StringBuilder partial = new StringBuilder();
    private volatile ServerProblemException problem;
    private volatile WebSocket socket;
    private volatile long lastPongNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();

    private Stream(Frames frames) {
        this.frames = frames;
    }

    /**
     * Opens the stream and sends the {@code auth} frame.
     *
     * @throws ServerUnreachableException if the connection cannot be opened
     */
    public static Stream open(ServerApi api, String token, Frames frames) throws ServerUnreachableException {
        Stream stream = new Stream(frames);
        URI uri = URI.create(api.base().toString().replaceFirst("^http", "ws") + "/api/v1/stream");
        try {
            stream.socket = api.http().newWebSocketBuilder().connectTimeout(OPEN_TIMEOUT)
                    .buildAsync(uri, stream).get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            stream.sendText(ServerApi.object().put("type", "auth").put("token", token).toString());
            return stream;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("Interrupted while connecting to " + uri, e);
        } catch (ExecutionException | TimeoutException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ServerUnreachableException("Cannot open the stream at " + uri + ": " + cause.getMessage(), e);
        }
    }

    /** Acknowledges an envelope (the server deletes it). */
    public void ack(String id) throws ServerUnreachableException {
        sendText(ServerApi.object().put("type", "ack").put("id", id).toString());
    }

    /**
     * Sends a WebSocket ping (RFC 6455 §5.5.2): behind proxies it keeps the connection open, and
     * the pong that answers shows the connection still works (§5.3 asks clients to ping).
     */
    public void ping() {
        WebSocket open = socket;
        if (open != null && !open.isOutputClosed()) {
            open.sendPing(ByteBuffer.allocate(0));
        }
    }

    /** How long since the server last answered a ping (or since the stream opened). */
    public Duration sinceLastPong() {
        return Duration.ofNanos(System.nanoTime() - lastPongNanos);
    }

    /** Drops the connection at once, without a close handshake: for a connection that is dead. */
    public void abort() {
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
        finish(ABNORMAL_CLOSURE, "aborted");
    }

    /** Closes the socket normally. */
    public void close() {
        WebSocket open = socket;
        if (open == null) {
            return;
        }
        if (open.isOutputClosed()) {
            open.abort();
            return;
        }
        open.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                .whenComplete((closed, error) -> open.abort());
    }

    private void sendText(String text) throws ServerUnreachableException {
        try {
            socket.sendText(text, true).get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("Interrupted while writing to the stream", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServerUnreachableException("Cannot write to the stream: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            dispatch(text);
        }
        webSocket.request(1);
        return null;
    }

    private void dispatch(String text) {
        JsonNode frame;
        try {
            frame = ServerApi.JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        switch (frame.path("type").asText()) {
            case "ready" -> frames.ready(this);
            case "envelope" -> frames.envelope(this, frame.path("envelope"));
            case "error" -> problem = ServerApi.problem(frame.path("problem").path("status").asInt(1008),
                    frame.path("problem"), "/stream");
            default -> {
                // "acked" confirms an ack; nothing waits for it
            }
        }
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        lastPongNanos = System.nanoTime();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        finish(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        finish(ABNORMAL_CLOSURE, String.valueOf(error.getMessage()));
    }

    /** Reports the end of the stream once, however many ways it ends. */
    private void finish(int code, String reason) {
        if (finished.compareAndSet(false, true)) {
            frames.closed(code, reason, problem);
        }
    }
}
