// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import static org.nanomessenger.ejb.service.AccountService.protocol;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.infinispan.Cache;
import org.nanomessenger.ejb.api.Caller;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.api.event.SecurityEvent;
import org.nanomessenger.ejb.entity.Account;
import org.nanomessenger.ejb.entity.Device;
import org.nanomessenger.ejb.entity.StoredEnvelope;
import org.nanomessenger.ejb.repository.AccountRepository;
import org.nanomessenger.ejb.repository.EnvelopeRepository;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.Signatures;
import org.nanomessenger.protocol.Usernames;

/**
 * Accepts signed envelopes into mailboxes, lists them for their recipients and deletes them when
 * acknowledged. The server checks who sent an envelope; it cannot read it.
 */
@Stateless
public class MessageService {

    /** The most envelopes one mailbox listing returns. */
    public static final int MAILBOX_PAGE = 100;

    @Resource(lookup = "java:jboss/infinispan/cache/nano/replay")
    private Cache<String, String> replay;

    @Inject
    AccountRepository accounts;

    @Inject
    EnvelopeRepository envelopes;

    @Inject
    ServerPolicy policy;

    @Inject
    Refusals refusals;

    @Inject
    IdentityKeys identityKeys;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    Clock clock;

    /**
     * An envelope as stored: the signed fields, the signature, when the server accepted it, and its
     * place in the recipient's mailbox.
     */
    public record Delivery(Envelope envelope, byte[] signature, Instant acceptedAt, long sequence) {
    }

    /**
     * Accepts an envelope from the authenticated caller. Each check has its own refusal, and a
     * refused envelope leaves nothing behind.
     *
     * @throws RefusedException {@link Refusal#NOT_SENDER}, {@link Refusal#ENVELOPE_TOO_LARGE},
     *         {@link Refusal#MODE_BELOW_POLICY}, {@link Refusal#TIMESTAMP_OUT_OF_WINDOW},
     *         {@link Refusal#UNKNOWN_RECIPIENT}, {@link Refusal#INVALID_SIGNATURE},
     *         {@link Refusal#BLOCKED}, {@link Refusal#REPLAYED_ENVELOPE}
     */
    public Instant submit(Caller caller, Envelope envelope, byte[] signature) {
        requireNormalized(caller, envelope.sender(), "sender");
        requireNormalized(caller, envelope.recipient(), "recipient");
        String sender = envelope.sender();
        if (!sender.equals(caller.username())) {
            throw refuse(caller, Refusal.NOT_SENDER, "Signed in as " + caller.username() + ", the envelope is from "
                    + envelope.sender());
        }
        int size = envelope.ciphertext().length;
        if (size > policy.maxEnvelopeBytes()) {
            throw refuse(caller, Refusal.ENVELOPE_TOO_LARGE, "The ciphertext is " + size + " bytes; at most "
                    + policy.maxEnvelopeBytes() + " are accepted");
        }
        refusals.requirePolicy(caller.username(), envelope.mode(), "envelope");
        refusals.requireFresh(caller.username(), envelope.timestampMillis());
        Account recipient = accounts.findByUsername(envelope.recipient())
                .orElseThrow(() -> refuse(caller, Refusal.UNKNOWN_RECIPIENT, "No user " + envelope.recipient()));
        requireSignedBySender(caller, envelope, signature);
        if (accounts.isBlocked(recipient, sender)) {
            throw refuse(caller, Refusal.BLOCKED, recipient.username() + " does not accept messages from "
                    + sender);
        }
        String id = envelope.id().toString();
        long windowSeconds = 2 * policy.clockSkew().toSeconds() + 60;
        if (replay.putIfAbsent(id, sender, windowSeconds, TimeUnit.SECONDS) != null
                || envelopes.find(envelope.id()).isPresent()) {
            throw refuse(caller, Refusal.REPLAYED_ENVELOPE, "The envelope id " + id + " was already submitted");
        }

        Instant now = clock.instant();
        try {
            envelopes.persist(new StoredEnvelope(envelope.id(), sender, recipient, envelope.mode().wireName(),
                    envelope.timestampMillis(), envelope.ciphertext(), signature, now, now.plus(policy.retention())));
        } catch (PersistenceException e) {
            replay.remove(id);
            throw e;
        }
        events.fire(new SecurityEvent.EnvelopeAccepted(now, envelope.id(), sender, recipient.username(),
                envelope.mode().wireName(), size));
        return now;
    }

    /** The caller's waiting envelopes, oldest first, at most {@link #MAILBOX_PAGE}. */
    public List<Delivery> mailbox(Caller caller) {
        return mailbox(caller, 0);
    }

    /**
     * The caller's waiting envelopes after {@code afterSequence} (a {@link Delivery#sequence()}),
     * oldest first, at most {@link #MAILBOX_PAGE}: page through a long mailbox with the last one's.
     */
    public List<Delivery> mailbox(Caller caller, long afterSequence) {
        Account account = ownAccount(caller);
        Instant now = clock.instant();
        List<Delivery> deliveries = envelopes.findMailbox(account, afterSequence, MAILBOX_PAGE).stream()
                .map(this::delivery)
                .toList();
        deliveries.forEach(d -> events.fire(new SecurityEvent.EnvelopeDelivered(now, d.envelope().id(),
                caller.username())));
        return deliveries;
    }

    /** An envelope still waiting for {@code recipient}, for pushing it once it is accepted. */
    public Optional<Delivery> pending(String recipient, UUID id) {
        Optional<Delivery> delivery = envelopes.find(id)
                .filter(e -> e.recipient().username().equals(recipient))
                .map(this::delivery);
        delivery.ifPresent(d -> events.fire(new SecurityEvent.EnvelopeDelivered(clock.instant(), id, recipient)));
        return delivery;
    }

    /**
     * Deletes an envelope the caller has received.
     *
     * @return false when the caller has no such envelope (already acknowledged, expired or never
     *         theirs), so that acknowledging twice is harmless
     */
    public boolean acknowledge(Caller caller, UUID id) {
        Account account = ownAccount(caller);
        StoredEnvelope envelope = envelopes.find(id).filter(e -> e.recipient().id().equals(account.id()))
                .orElse(null);
        if (envelope == null) {
            return false;
        }
        envelopes.remove(envelope);
        events.fire(new SecurityEvent.EnvelopeAcknowledged(clock.instant(), id, caller.username()));
        return true;
    }

    /** Deletes envelopes past their retention, a batch at a time; answers how many went. */
    public int expire(int limit) {
        Instant now = clock.instant();
        List<StoredEnvelope> expired = envelopes.findExpired(now, limit);
        for (StoredEnvelope envelope : expired) {
            envelopes.remove(envelope);
            events.fire(new SecurityEvent.EnvelopeExpired(now, envelope.id(), envelope.recipient().username()));
        }
        return expired.size();
    }

    /** Converts a stored envelope to its wire form. */
    private Delivery delivery(StoredEnvelope stored) {
        Envelope envelope = new Envelope(stored.id(), stored.sender(), stored.recipient().username(),
                CryptoMode.fromWireName(stored.mode()), stored.sentAt(), stored.ciphertext());
        return new Delivery(envelope, stored.signature(), stored.acceptedAt(), stored.sequence());
    }

    /**
     * The signature covers the names as sent and the recipient receives them as stored, so only
     * normalised names are accepted: anything else could not verify at the other end.
     */
    private void requireNormalized(Caller caller, String username, String field) {
        String normalized = protocol(() -> Usernames.requireValid(username));
        if (!normalized.equals(username)) {
            throw refuse(caller, Refusal.INVALID_USERNAME, "The " + field + " must be sent normalised, as "
                    + normalized);
        }
    }

    private void requireSignedBySender(Caller caller, Envelope envelope, byte[] signature) {
        Device device = accounts.findDevice(caller.username(), caller.device()).orElseThrow(() ->
                new RefusedException(Refusal.UNAUTHENTICATED, "The token's device no longer exists"));
        PublicKey identity = protocol(() -> identityKeys.decode(device.identityKey()));
        if (!protocol(() -> Signatures.verify(identity, envelope.signingInput(), signature))) {
            throw refuse(caller, Refusal.INVALID_SIGNATURE, "The envelope is not signed by " + caller.username()
                    + "'s identity key");
        }
    }

    private Account ownAccount(Caller caller) {
        return accounts.findByUsername(caller.username()).orElseThrow(() -> new RefusedException(
                Refusal.UNAUTHENTICATED, "The token's account no longer exists"));
    }

    private RefusedException refuse(Caller caller, Refusal refusal, String detail) {
        return refusals.refuse(caller.username(), refusal, detail);
    }
}
