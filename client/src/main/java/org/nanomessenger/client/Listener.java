// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.nanomessenger.client.logging.ClientLogger;
import org.nanomessenger.client.transport.Stream;

/**
 * A running {@link NanoClient#listen}: one stream at a time, and one thread that processes its
 * envelopes in order, acknowledges each once it is stored, and reconnects with backoff (1 s
 * doubling to 30 s) when the stream closes. An envelope whose processing fails for a passing
 * reason is not acknowledged, so the next connection brings it again.
 */
final class Listener implements Subscription, Stream.Frames {

    private static final long MAX_BACKOFF_SECONDS = 30;
    private static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(10);

    private final Connection connection;
    private final Inbound inbound;
    private final Prekeys prekeys;
    private final MessageHandler handler;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nano-listener");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Stream stream;
    private volatile String token;
    private volatile boolean connected;
    private volatile boolean closing;
    private long backoffSeconds = 1;

    private Listener(Connection connection, Inbound inbound, Prekeys prekeys, MessageHandler handler) {
        this.connection = connection;
        this.inbound = inbound;
        this.prekeys = prekeys;
        this.handler = handler;
    }

    static Subscription start(Connection connection, Inbound inbound, Prekeys prekeys, MessageHandler handler)
            throws NanoException {
        Listener listener = new Listener(connection, inbound, prekeys, handler);
        listener.connect();
        listener.worker.scheduleWithFixedDelay(listener::maintain, MAINTENANCE_INTERVAL.toSeconds(),
                MAINTENANCE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return listener;
    }

    private void connect() throws NanoException {
        token = connection.token();
        stream = Stream.open(connection.api(), token, this);
    }

    @Override
    public void ready() {
        setConnected(true);
        worker.execute(() -> backoffSeconds = 1);
    }

    private synchronized void setConnected(boolean now) {
        connected = now;
        notifyAll();
    }

    @Override
    public void envelope(JsonNode envelope) {
        Stream from = stream;
        worker.execute(() -> process(from, envelope));
    }

    private void process(Stream from, JsonNode envelope) {
        if (closing) {
            return;
        }
        try {
            Inbound.Received outcome = inbound.receive(envelope);
            from.ack(envelope.path("id").asText());
            if (outcome.message() != null) {
                handler.onMessage(outcome.message());
            } else if (outcome.rejection() != null && !outcome.duplicate()) {
                handler.onRejected(outcome.rejection());
            }
        } catch (StateException | SecurityCheckException e) {
            fail(e);
        } catch (NanoException e) {
            handler.onError(e, false);
        }
    }

    @Override
    public void closed(int code, String reason, ServerProblemException problem) {
        setConnected(false);
        if (closing) {
            return;
        }
        if (problem != null && "unauthenticated".equals(problem.slug())) {
            connection.tokenRefused(token);
        }
        if (problem != null) {
            handler.onError(problem, false);
        }
        worker.execute(() -> scheduleReconnect(code, reason));
    }

    private void scheduleReconnect(int code, String reason) {
        long delay = backoffSeconds;
        backoffSeconds = Math.min(MAX_BACKOFF_SECONDS, backoffSeconds * 2);
        ClientLogger.LOG.reconnecting(connection.api().base().toString(), code, reason, delay);
        worker.schedule(this::reconnect, delay, TimeUnit.SECONDS);
    }

    private void reconnect() {
        if (closing) {
            return;
        }
        try {
            connect();
        } catch (ServerUnreachableException e) {
            handler.onError(e, false);
            scheduleReconnect(1006, e.getMessage());
        } catch (ServerProblemException e) {
            if (e.status() >= 500) {
                handler.onError(e, false);
                scheduleReconnect(1011, e.getMessage());
            } else {
                fail(e);
            }
        } catch (NanoException e) {
            fail(e);
        }
    }

    private void maintain() {
        try {
            if (connected) {
                prekeys.publish(false);
            }
        } catch (NanoException e) {
            handler.onError(e, false);
        }
    }

    private void fail(NanoException error) {
        handler.onError(error, true);
        close();
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public synchronized boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connected && !closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return connected;
    }

    @Override
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closing = true;
        setConnected(false);
        Stream current = stream;
        if (current != null) {
            current.close();
        }
        worker.shutdownNow();
        stopped.countDown();
    }
}
