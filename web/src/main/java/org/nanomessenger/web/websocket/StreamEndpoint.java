// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.websocket;

import java.io.IOException;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.nanomessenger.ejb.api.Caller;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.service.AuthService;
import org.nanomessenger.ejb.service.MessageService;
import org.nanomessenger.web.rest.dto.ProblemDetails;

/**
 * {@code /api/v1/stream}: real-time delivery. The client's first frame authenticates it with its
 * bearer token (a token in the URL would end up in access logs); the server then pushes every
 * waiting envelope and each new one, and the client acknowledges each by id; the server confirms
 * each acknowledgement once the envelope is deleted.
 */
@ServerEndpoint("/api/v1/stream")
public class StreamEndpoint {

    /** The user property that holds an authenticated socket's {@link Caller}. */
    static final String CALLER = "nano.caller";
    private static final long AUTH_TIMEOUT_MILLIS = 10_000;

    @Inject
    AuthService auth;

    @Inject
    MessageService messages;

    @Inject
    MailboxPush push;

    @OnOpen
    public void open(Session session) {
        // Until it authenticates, the socket may stay idle for this long only
        session.setMaxIdleTimeout(AUTH_TIMEOUT_MILLIS);
        session.setMaxTextMessageBufferSize(16 * 1024);
    }

    @OnMessage
    public void message(Session session, String text) throws IOException {
        StreamMessage message;
        try {
            message = push.fromJson(text);
        } catch (JsonbException e) {
            refuse(session, Refusal.MALFORMED_REQUEST, "Frames are JSON objects with a type");
            return;
        }
        Caller caller = (Caller) session.getUserProperties().get(CALLER);
        String type = message == null || message.type() == null ? "" : message.type();
        if (caller == null) {
            authenticate(session, type, message);
            return;
        }
        if (!type.equals("ack")) {
            refuse(session, Refusal.MALFORMED_REQUEST, "After auth, send only ack frames");
            return;
        }
        UUID id = canonicalUuid(message.id());
        if (id == null) {
            refuse(session, Refusal.MALFORMED_REQUEST, "An ack carries the envelope's id, a lower-case UUID");
            return;
        }
        try {
            // Acknowledging twice, or an id that is not (or no longer) waiting, is harmless
            messages.acknowledge(caller, id);
        } catch (RefusedException e) {
            refuse(session, e.refusal(), e.getMessage());
            return;
        }
        push.send(session, StreamMessage.acked(id.toString()));
    }

    @OnClose
    public void close(Session session) {
        Caller caller = (Caller) session.getUserProperties().get(CALLER);
        if (caller != null) {
            push.disconnected(caller.username(), session);
        }
    }

    private void authenticate(Session session, String type, StreamMessage message) throws IOException {
        if (!type.equals("auth")) {
            refuse(session, Refusal.UNAUTHENTICATED, "Send {\"type\":\"auth\",\"token\":...} first");
            return;
        }
        Caller caller = auth.authenticate(message.token()).orElse(null);
        if (caller == null) {
            refuse(session, Refusal.UNAUTHENTICATED, "The token is unknown, expired or revoked");
            return;
        }
        session.getUserProperties().put(CALLER, caller);
        session.setMaxIdleTimeout(0);
        try {
            push.connected(caller, session);
        } catch (RefusedException e) {
            refuse(session, e.refusal(), e.getMessage());
        }
    }

    /** The id as a UUID if it is in canonical lower-case form (as REST requires), else null. */
    private static UUID canonicalUuid(String text) {
        try {
            UUID id = UUID.fromString(String.valueOf(text));
            return id.toString().equals(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void refuse(Session session, Refusal refusal, String detail) throws IOException {
        push.send(session, StreamMessage.error(new ProblemDetails(refusal.type(), refusal.title(), refusal.status(),
                detail, null)));
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, refusal.slug()));
    }
}
