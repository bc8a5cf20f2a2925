// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.websocket;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.infinispan.Cache;
import org.nanomessenger.ejb.api.Caller;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.event.SecurityEvent;
import org.nanomessenger.ejb.service.MessageService;
import org.nanomessenger.web.logging.WebLogger;
import org.nanomessenger.web.rest.Dtos;
import org.nanomessenger.web.rest.dto.ProblemDetails;

/**
 * The open WebSockets on this server, by username, and the push of envelopes to them: the backlog on
 * connect, then each envelope once its transaction has committed. Delivery is at least once: an
 * envelope stays in the mailbox until the recipient acknowledges it, and is pushed again on the next
 * connection if not.
 */
@ApplicationScoped
public class MailboxPush {

    private final ConcurrentHashMap<String, Set<Session>> sessions = new ConcurrentHashMap<>();
    private final Jsonb json = JsonbBuilder.create();

    @Resource(lookup = "java:jboss/infinispan/cache/nano/presence")
    Cache<String, String> presence;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MessageService messages;

    @Inject
    Clock clock;

    /**
     * Registers an authenticated socket and sends it the whole backlog, page by page. The socket is
     * closed when its token expires or is revoked.
     */
    void connected(Caller caller, Session session) {
        sessions.computeIfAbsent(caller.username(), u -> ConcurrentHashMap.newKeySet()).add(session);
        long untilExpiry = Math.max(0, caller.expiresAt().toEpochMilli() - clock.millis());
        scheduler.schedule(() -> closeAsUnauthenticated(session, "The token expired"), untilExpiry,
                TimeUnit.MILLISECONDS);
        presence.put(caller.username(), "online", 1, TimeUnit.HOURS);
        send(session, StreamMessage.ready());
        long after = 0;
        List<MessageService.Delivery> page;
        do {
            page = messages.mailbox(caller, after);
            page.forEach(delivery -> send(session, StreamMessage.envelope(Dtos.envelope(delivery))));
            after = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
        } while (page.size() == MessageService.MAILBOX_PAGE);
    }

    void disconnected(String username, Session session) {
        sessions.computeIfPresent(username, (u, open) -> {
            open.remove(session);
            return open.isEmpty() ? null : open;
        });
        if (!sessions.containsKey(username)) {
            presence.remove(username);
        }
    }

    /** After an envelope's transaction commits, pushes it to its recipient's sockets on this server. */
    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent.EnvelopeAccepted event) {
        if (!sessions.containsKey(event.recipient())) {
            return;
        }
        executor.execute(() -> messages.pending(event.recipient(), event.id()).ifPresent(delivery -> {
            StreamMessage message = StreamMessage.envelope(Dtos.envelope(delivery));
            sessions.getOrDefault(event.recipient(), Set.of()).forEach(session -> send(session, message));
        }));
    }

    /** Closes the sockets opened with a token that was just revoked. */
    void revoked(@Observes SecurityEvent.TokenRevoked event) {
        sessions.getOrDefault(event.username(), Set.of()).stream()
                .filter(session -> session.getUserProperties().get(StreamEndpoint.CALLER) instanceof Caller caller
                        && caller.tokenId().equals(event.tokenId()))
                .forEach(session -> closeAsUnauthenticated(session, "The token was revoked"));
    }

    private void closeAsUnauthenticated(Session session, String detail) {
        if (!session.isOpen()) {
            return;
        }
        Refusal refusal = Refusal.UNAUTHENTICATED;
        send(session, StreamMessage.error(new ProblemDetails(refusal.type(), refusal.title(), refusal.status(),
                detail, null)));
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, refusal.slug()));
        } catch (IOException e) {
            WebLogger.LOG.pushFailed(session.getId(), e.getClass().getSimpleName());
        }
    }

    void send(Session session, StreamMessage message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(json.toJson(message));
            }
        } catch (IOException e) {
            WebLogger.LOG.pushFailed(session.getId(), e.getClass().getSimpleName());
        }
    }

    StreamMessage fromJson(String text) {
        return json.fromJson(text, StreamMessage.class);
    }

    @PreDestroy
    void close() {
        try {
            json.close();
        } catch (Exception e) {
            WebLogger.LOG.pushFailed("(all)", e.getClass().getSimpleName());
        }
    }
}
