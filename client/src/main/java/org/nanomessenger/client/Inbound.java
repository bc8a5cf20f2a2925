// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.nanomessenger.client.ClientState.ContactRecord;
import org.nanomessenger.client.logging.ClientLogger;
import org.nanomessenger.client.session.EnvelopeContext;
import org.nanomessenger.client.session.Handshake;
import org.nanomessenger.client.session.Session;
import org.nanomessenger.client.session.SessionException;
import org.nanomessenger.client.session.SessionMessage;
import org.nanomessenger.client.session.SessionState;
import org.nanomessenger.client.transport.ServerApi;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Signatures;
import org.nanomessenger.protocol.Usernames;

/**
 * Opens delivered envelopes (docs/protocol.md §9.10): checks the recipient, blocks, the mode
 * floor and the sender's signature, decrypts in the envelope's session (or the one its handshake
 * starts), stores the message and commits the session, all in one transaction on the state.
 */
final class Inbound {

    /**
     * One envelope's outcome: a message or a rejection. A duplicate, an envelope already
     * processed, is normal with at-least-once delivery (§5.5) and not reported to listeners.
     */
    record Received(ReceivedMessage message, Rejection rejection, boolean duplicate) {

        void addTo(List<ReceivedMessage> messages, List<Rejection> rejections) {
            if (message != null) {
                messages.add(message);
            } else if (rejection != null && !duplicate) {
                rejections.add(rejection);
            }
        }
    }

    private final StateAccess states;
    private final Contacts contacts;
    private final Identity identity;

    Inbound(StateAccess states, Contacts contacts, Identity identity) {
        this.states = states;
        this.contacts = contacts;
        this.identity = identity;
    }

    /**
     * Verifies, decrypts and stores one delivered envelope. Permanent failures become a
     * rejection (the envelope is to be acknowledged and dropped); failing to reach the server while
     * looking up the sender's key is thrown, so that the envelope stays for a retry.
     */
    Received receive(JsonNode json) throws NanoException {
        Envelope envelope;
        byte[] signature;
        try {
            envelope = new Envelope(UUID.fromString(json.path("id").asText()), json.path("sender").asText(),
                    json.path("recipient").asText(), CryptoMode.fromWireName(json.path("mode").asText()),
                    json.path("timestamp").asLong(), Base64Url.decode(json.path("ciphertext").asText()));
            signature = Base64Url.decode(json.path("signature").asText());
        } catch (IllegalArgumentException | ProtocolException e) {
            return rejected(null, json.path("sender").asText(null), "malformed envelope: " + e.getMessage());
        }
        // The name exactly as valid names are: "Bob" or a look-alike must not pass for a pinned "bob"
        if (!Usernames.isValid(envelope.sender())) {
            return discard(envelope, "the sender '" + envelope.sender() + "' is not a normalised username");
        }

        byte[] senderKey;
        try {
            senderKey = contacts.identityKey(envelope.sender(), false);
        } catch (ServerProblemException e) {
            if (!"unknown-user".equals(e.slug())) {
                // A passing fault (a 5xx, a redeploy): leave the envelope on the server for later
                throw e;
            }
            return discard(envelope, "the sender is unknown to the server");
        }
        Instant acceptedAt = json.hasNonNull("acceptedAt") ? Instant.ofEpochMilli(json.get("acceptedAt").asLong())
                : null;
        return states.update(state -> open(state, envelope, signature, senderKey, acceptedAt));
    }

    /**
     * Opens one envelope under the lock. An envelope already processed is a duplicate whatever
     * happens, but it still goes through decryption, so that a replay is refused twice over: by
     * its id, and because its message key is gone.
     */
    private Received open(ClientState state, Envelope envelope, byte[] signature, byte[] senderKey,
            Instant acceptedAt) throws NanoException {
        String sender = envelope.sender();
        boolean seen = state.seenEnvelopes.contains(envelope.id().toString());
        state.rememberEnvelope(envelope.id().toString());
        String problem = check(state, envelope, signature, senderKey);
        if (problem != null) {
            return seen ? duplicate(envelope, problem) : rejected(envelope.id(), sender, problem);
        }

        byte[] plaintext;
        try {
            plaintext = decrypt(state, envelope, senderKey, !seen);
        } catch (SessionException e) {
            return seen ? duplicate(envelope, e.getMessage()) : rejected(envelope.id(), sender, e.getMessage());
        }
        if (seen) {
            Arrays.fill(plaintext, (byte) 0);
            return duplicate(envelope, "it still decrypts: a message key was kept");
        }

        String text;
        try {
            JsonNode content = ServerApi.parseJson(new String(plaintext, StandardCharsets.UTF_8));
            if (content == null || !"text".equals(content.path("type").asText()) || !content.has("text")) {
                return rejected(envelope.id(), sender, "unsupported content");
            }
            text = content.get("text").asText();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        states.appendHistoryLocked(HistoryFile.Record.of(envelope.id(), HistoryEntry.Direction.RECEIVED, sender,
                text, envelope.mode(), envelope.timestampMillis()));
        return new Received(new ReceivedMessage(envelope.id(), sender, text, envelope.mode(),
                Instant.ofEpochMilli(envelope.timestampMillis()), acceptedAt), null, false);
    }

    /** The checks before decryption; answers why the envelope is refused, or null. */
    private String check(ClientState state, Envelope envelope, byte[] signature, byte[] senderKey) {
        if (!identity.username().equals(envelope.recipient())) {
            return "addressed to " + envelope.recipient();
        }
        ContactRecord contact = state.contacts.get(envelope.sender());
        if (contact != null && contact.blocked) {
            return envelope.sender() + " is blocked";
        }
        if (contact != null && contact.identityKey != null && !MessageDigest.isEqual(contact.identityKey, senderKey)) {
            return "the server gave another identity key for " + envelope.sender() + " than the pinned one";
        }
        if (!envelope.mode().isAtLeast(identity.minimumMode())) {
            return "mode " + envelope.mode().wireName() + " is below your minimum "
                    + identity.minimumMode().wireName();
        }
        try {
            if (!Signatures.verify(Signatures.decodePublicKey(senderKey), envelope.signingInput(), signature)) {
                return "the signature is not " + envelope.sender() + "'s";
            }
        } catch (ProtocolException e) {
            return "the sender's identity key is unusable: " + e.getMessage();
        }
        return null;
    }

    /**
     * Decrypts in the envelope's session, or a new one its handshake starts. With {@code commit}
     * the sender's key is pinned, the session stored and a used one-time prekey deleted.
     */
    private byte[] decrypt(ClientState state, Envelope envelope, byte[] senderKey, boolean commit)
            throws SessionException {
        SessionMessage message = SessionMessage.parse(envelope.ciphertext());
        EnvelopeContext context = new EnvelopeContext(envelope.id(), envelope.sender(), envelope.recipient(),
                envelope.mode(), envelope.timestampMillis());
        Session existing = find(state, message, envelope.sender());
        Session session = existing != null ? existing : accept(state, message, envelope.mode(), envelope.sender(),
                senderKey);
        if (!session.mode().equals(envelope.mode())) {
            throw new SessionException("The envelope's mode differs from its session's");
        }

        byte[] plaintext = session.decrypt(message, context);
        if (commit) {
            Contacts.pin(state, envelope.sender(), null, senderKey, envelope.timestampMillis());
            state.useSession(session.state());
            if (existing == null && message.handshake().secondPrekeyKind() == PrekeyKind.ONE_TIME) {
                // Forward secrecy: the one-time prekey's secret can never be derived again. Only the
                // handshake that started this session counts: a header of an existing session
                // could name anyone's prekey
                state.oneTimePrekeys.remove(message.handshake().secondPrekeyId());
            }
        }
        return plaintext;
    }

    /** The stored session the message names, as a copy; null if there is none. */
    private static Session find(ClientState state, SessionMessage message, String sender) {
        for (SessionState existing : state.sessions.getOrDefault(sender, List.of())) {
            if (Arrays.equals(existing.sessionId(), message.sessionId())) {
                return new Session(existing.copy());
            }
        }
        return null;
    }

    /** A new session from the message's handshake, in this user's mode only. */
    private Session accept(ClientState state, SessionMessage message, CryptoMode mode, String sender,
            byte[] senderKey) throws SessionException {
        if (mode != identity.mode()) {
            throw new SessionException("A new session must use this user's mode " + identity.mode().wireName());
        }
        return Handshake.respond(mode, new Handshake.Party(identity.username(), identity.publicKey()),
                new Handshake.Party(sender, senderKey), message, (kind, keyId) -> Prekeys.held(state, kind, keyId),
                System.currentTimeMillis());
    }

    private Received discard(Envelope envelope, String reason) throws NanoException {
        return states.update(state -> {
            state.rememberEnvelope(envelope.id().toString());
            return rejected(envelope.id(), envelope.sender(), reason);
        });
    }

    private static Received rejected(UUID id, String sender, String reason) {
        ClientLogger.LOG.envelopeRejected(String.valueOf(id), String.valueOf(sender), reason);
        return new Received(null, new Rejection(id, sender, reason), false);
    }

    private static Received duplicate(Envelope envelope, String detail) {
        return new Received(null, new Rejection(envelope.id(), envelope.sender(), "replayed: envelope "
                + envelope.id() + " was already received (" + detail + ")"), true);
    }
}
