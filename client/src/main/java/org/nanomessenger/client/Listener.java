// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.nanomessenger.client.logging.ClientLogger;
import org.nanomessenger.client.transport.Stream;

/**
 * A running {@link NanoClient#listen}: one stream at a time, and one thread that processes its
 * envelopes in order, hands each to the handler once it is stored, then acknowledges it.
 *
 * <ul>
 *   <li>When the stream closes, it reconnects with backoff (1 s doubling to 30 s), signing in
 *       again if the token was refused. Only a refusal of the account itself is fatal.</li>
 *   <li>It pings every 30 s (docs/protocol.md §5.3) and drops a connection that has not answered
 *       for 75 s, which catches connections that died silently (a laptop asleep, a new network).</li>
 *   <li>Envelopes the stream did not bring are fetched with {@code GET /envelopes}: after a
 *       backlog of 100 (§5.5), a few seconds after a passing failure left one unacknowledged, and
 *       with the prekey upkeep every 10 minutes.</li>
 * </ul>
 */
final class Listener implements Subscription, Stream.Frames {

    private static final long MAX_BACKOFF_SECONDS = 30;
    private static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(10);
    private static final Duration PING_INTERVAL = Duration.ofSeconds(30);
    private static final Duration PONG_DEADLINE = Duration.ofSeconds(75);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(5);
    /** The most envelopes a backlog or a listing holds (§3.13, §5.5). */
    private static final int BACKLOG_LIMIT = 100;
    /** Refusals of the account itself, after which reconnecting cannot help. */
    private static final Set<String> FATAL = Set.of("unknown-user", "invalid-signature", "invalid-username");

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
    /** Touched on the worker thread only. */
    private long backoffSeconds = 1;
    private int sinceReady;

    private Listener(Connection connection, Inbound inbound, Prekeys prekeys, MessageHandler handler) {
        this.connection = connection;
        this.inbound = inbound;
        this.prekeys = prekeys;
        this.handler = handler;
    }

    static Listener start(Connection connection, Inbound inbound, Prekeys prekeys, MessageHandler handler)
            throws NanoException {
        Listener listener = new Listener(connection, inbound, prekeys, handler);
        listener.connect();
        listener.worker.scheduleWithFixedDelay(listener::maintain, MAINTENANCE_INTERVAL.toSeconds(),
                MAINTENANCE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        listener.worker.scheduleWithFixedDelay(listener::ping, PING_INTERVAL.toSeconds(),
                PING_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return listener;
    }

    private void connect() throws NanoException {
        token = connection.token();
        stream = Stream.open(connection.api(), token, this);
    }

    @Override
    public void ready(Stream from) {
        stream = from;
        setConnected(true);
        worker.execute(() -> {
            backoffSeconds = 1;
            sinceReady = 0;
        });
    }

    @Override
    public void envelope(Stream from, JsonNode envelope) {
        worker.execute(() -> process(from, envelope));
    }

    /** Opens, delivers and acknowledges one envelope of the stream; on the worker thread. */
    private void process(Stream from, JsonNode envelope) {
        if (closing) {
            return;
        }
        if (++sinceReady == BACKLOG_LIMIT) {
            // The backlog may have been cut at 100: fetch the rest once these are done
            worker.execute(this::drain);
        }
        try {
            deliver(inbound.receive(envelope));
            from.ack(envelope.path("id").asText());
        } catch (StateException | SecurityCheckException e) {
            fail(e);
        } catch (NanoException e) {
            // Not acknowledged: it comes again, on this stream's next connection or from the drain
            handler.onError(e, false);
            worker.schedule(this::drain, RETRY_DELAY.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            ClientLogger.LOG.listenerFailure(e);
            worker.schedule(this::drain, RETRY_DELAY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Hands an outcome to the handler; a duplicate was seen before and is not handed again. */
    private void deliver(Inbound.Received outcome) {
        if (outcome.message() != null) {
            handler.onMessage(outcome.message());
        } else if (outcome.rejection() != null && !outcome.duplicate()) {
            handler.onRejected(outcome.rejection());
        }
    }

    /** Fetches, opens, delivers and acknowledges what waits on the server; on the worker thread. */
    private void drain() {
        if (closing) {
            return;
        }
        try {
            JsonNode waiting = connection.authorized(token -> connection.api().get("/envelopes", token));
            for (JsonNode envelope : waiting) {
                deliver(inbound.receive(envelope));
                connection.acknowledge(envelope.path("id").asText());
            }
            if (waiting.size() == BACKLOG_LIMIT) {
                worker.execute(this::drain);
            }
        } catch (StateException | SecurityCheckException e) {
            fail(e);
        } catch (NanoException e) {
            handler.onError(e, false);
        } catch (RuntimeException e) {
            ClientLogger.LOG.listenerFailure(e);
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
        } catch (ServerProblemException e) {
            if (FATAL.contains(e.slug())) {
                fail(e);
            } else {
                // A 5xx, or a 404 while the application is redeployed: try again later
                handler.onError(e, false);
                scheduleReconnect(e.status(), e.getMessage());
            }
        } catch (ServerUnreachableException e) {
            handler.onError(e, false);
            scheduleReconnect(1006, e.getMessage());
        } catch (NanoException e) {
            fail(e);
        } catch (RuntimeException e) {
            ClientLogger.LOG.listenerFailure(e);
            scheduleReconnect(1011, String.valueOf(e.getMessage()));
        }
    }

    /** Pings, and drops a connection whose pongs stopped; on the worker thread. */
    private void ping() {
        Stream current = stream;
        if (!connected || current == null) {
            return;
        }
        if (current.sinceLastPong().compareTo(PONG_DEADLINE) > 0) {
            current.abort();
        } else {
            current.ping();
        }
    }

    /** The prekey upkeep, and a drain for anything the stream missed; on the worker thread. */
    private void maintain() {
        if (!connected) {
            return;
        }
        try {
            prekeys.publish(false);
        } catch (NanoException e) {
            handler.onError(e, false);
        } catch (RuntimeException e) {
            ClientLogger.LOG.listenerFailure(e);
        }
        drain();
    }

    private void fail(NanoException error) {
        handler.onError(error, true);
        close();
    }

    private synchronized void setConnected(boolean now) {
        connected = now;
        notifyAll();
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
