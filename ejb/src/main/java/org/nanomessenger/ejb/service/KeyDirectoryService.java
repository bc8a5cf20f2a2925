// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import static org.nanomessenger.ejb.service.AccountService.protocol;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.nanomessenger.ejb.api.Caller;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.api.event.SecurityEvent;
import org.nanomessenger.ejb.entity.Device;
import org.nanomessenger.ejb.entity.StoredPrekey;
import org.nanomessenger.ejb.repository.AccountRepository;
import org.nanomessenger.ejb.repository.PrekeyRepository;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Prekey;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.Signatures;
import org.nanomessenger.protocol.Usernames;

/**
 * The key directory: users publish KEM prekeys signed by their identity key; others fetch a bundle
 * to start a session. A one-time prekey is handed out at most once; when none is left the bundle
 * carries only the signed and last-resort prekeys. An identity key alone can be read at any time.
 */
@Stateless
public class KeyDirectoryService {

    /** The most one-time prekeys accepted in one request. */
    public static final int MAX_ONE_TIME_BATCH = 100;

    @Inject
    AccountRepository accounts;

    @Inject
    PrekeyRepository prekeys;

    @Inject
    IdentityKeys identityKeys;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    Clock clock;

    /** A prekey as submitted or handed out: the key's X.509 encoding and the owner's signature. */
    public record PublishedPrekey(long keyId, String algorithm, byte[] publicKey, byte[] signature) {
    }

    /**
     * What a sender needs to start a session with {@code username}'s device.
     *
     * @param oneTime a one-time prekey, now deleted from the server, or null when none was left
     */
    public record Bundle(String username, String device, CryptoMode mode, String identityAlgorithm,
            byte[] identityKey, PublishedPrekey signed, PublishedPrekey lastResort, PublishedPrekey oneTime) {
    }

    /** {@code username}'s identity key, with the device it signs for and the account's mode. */
    public record Identity(String username, String device, CryptoMode mode, String identityAlgorithm,
            byte[] identityKey) {
    }

    /**
     * Replaces the caller's signed or last-resort prekey.
     *
     * @throws RefusedException {@link Refusal#INVALID_KEY}, {@link Refusal#MODE_MISMATCH},
     *         {@link Refusal#INVALID_SIGNATURE}
     */
    public void replace(Caller caller, PrekeyKind kind, PublishedPrekey prekey) {
        if (kind == PrekeyKind.ONE_TIME) {
            throw new IllegalArgumentException("One-time prekeys are added, not replaced");
        }
        Device device = ownDevice(caller);
        verify(caller, device, kind, prekey);

        prekeys.deleteAll(device, kind.wireName());
        prekeys.persist(stored(device, kind, prekey));
        events.fire(new SecurityEvent.KeysPublished(clock.instant(), caller.username(), kind.wireName(), 1));
    }

    /**
     * Adds a batch of one-time prekeys; each is checked before any is stored.
     *
     * @throws RefusedException {@link Refusal#TOO_MANY_PREKEYS}, {@link Refusal#INVALID_KEY},
     *         {@link Refusal#MODE_MISMATCH}, {@link Refusal#INVALID_SIGNATURE},
     *         {@link Refusal#MALFORMED_REQUEST} for a key id already in use
     */
    public long addOneTime(Caller caller, List<PublishedPrekey> batch) {
        if (batch.isEmpty()) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "The batch of one-time prekeys is empty");
        }
        if (batch.size() > MAX_ONE_TIME_BATCH) {
            throw new RefusedException(Refusal.TOO_MANY_PREKEYS, "Send 1 to " + MAX_ONE_TIME_BATCH
                    + " one-time prekeys per request, got " + batch.size());
        }
        Device device = ownDevice(caller);
        batch.forEach(prekey -> verify(caller, device, PrekeyKind.ONE_TIME, prekey));

        try {
            batch.forEach(prekey -> prekeys.persist(stored(device, PrekeyKind.ONE_TIME, prekey)));
            prekeys.flush();
        } catch (PersistenceException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "A one-time prekey id is already in use");
        }
        events.fire(new SecurityEvent.KeysPublished(clock.instant(), caller.username(),
                PrekeyKind.ONE_TIME.wireName(), batch.size()));
        return prekeys.count(device, PrekeyKind.ONE_TIME.wireName());
    }

    /** How many of the caller's one-time prekeys are left. */
    public long oneTimeCount(Caller caller) {
        return prekeys.count(ownDevice(caller), PrekeyKind.ONE_TIME.wireName());
    }

    /**
     * Hands out {@code username}'s bundle, taking one one-time prekey. Concurrent fetches for the
     * same user queue on a lock of the device row, so a one-time prekey goes to one fetcher only.
     *
     * @throws RefusedException {@link Refusal#INVALID_USERNAME}, {@link Refusal#UNKNOWN_USER},
     *         {@link Refusal#NO_PREKEYS}
     */
    public Bundle fetchBundle(Caller caller, String rawUsername) {
        String username = protocol(() -> Usernames.requireValid(rawUsername));
        Device locked = accounts.lock(primaryDevice(username));

        StoredPrekey signed = prekeys.findOldest(locked, PrekeyKind.SIGNED.wireName()).orElse(null);
        StoredPrekey lastResort = prekeys.findOldest(locked, PrekeyKind.LAST_RESORT.wireName()).orElse(null);
        if (signed == null || lastResort == null) {
            throw new RefusedException(Refusal.NO_PREKEYS, username + " has not published a signed and a "
                    + "last-resort prekey yet");
        }
        StoredPrekey oneTime = prekeys.findOldest(locked, PrekeyKind.ONE_TIME.wireName()).orElse(null);
        if (oneTime != null) {
            prekeys.remove(oneTime);
        }

        events.fire(new SecurityEvent.BundleFetched(clock.instant(), caller.username(), username,
                oneTime == null ? null : oneTime.keyId()));
        return new Bundle(username, locked.name(), CryptoMode.fromWireName(locked.mode()),
                locked.identityAlgorithm(), locked.identityKey(), published(signed), published(lastResort),
                oneTime == null ? null : published(oneTime));
    }

    /**
     * Looks up {@code username}'s identity key, for instance to verify an envelope they signed.
     * Reads only: it takes no lock and consumes no prekey.
     *
     * @throws RefusedException {@link Refusal#INVALID_USERNAME}, {@link Refusal#UNKNOWN_USER}
     */
    public Identity fetchIdentity(String rawUsername) {
        String username = protocol(() -> Usernames.requireValid(rawUsername));
        Device device = primaryDevice(username);

        return new Identity(username, device.name(), CryptoMode.fromWireName(device.mode()),
                device.identityAlgorithm(), device.identityKey());
    }

    private Device primaryDevice(String username) {
        return accounts.findPrimaryDevice(username).orElseThrow(() -> new RefusedException(
                Refusal.UNKNOWN_USER, "No user " + username));
    }

    private void verify(Caller caller, Device device, PrekeyKind kind, PublishedPrekey prekey) {
        CryptoMode mode = CryptoMode.fromWireName(device.mode());
        if (!mode.kemAlgorithm().equals(prekey.algorithm())) {
            throw new RefusedException(Refusal.MODE_MISMATCH, "A " + mode.wireName() + " account publishes "
                    + mode.kemAlgorithm() + " prekeys, not " + prekey.algorithm());
        }
        PublicKey key = protocol(() -> Signatures.decodePublicKey(prekey.publicKey()));
        if (!key.getAlgorithm().equals(prekey.algorithm())) {
            throw new RefusedException(Refusal.INVALID_KEY, "The key is a " + key.getAlgorithm() + " key, not "
                    + prekey.algorithm());
        }
        PublicKey identity = protocol(() -> identityKeys.decode(device.identityKey()));
        byte[] input = new Prekey(caller.username(), kind, prekey.keyId(), prekey.algorithm(),
                prekey.publicKey()).signingInput();
        if (!protocol(() -> Signatures.verify(identity, input, prekey.signature()))) {
            throw new RefusedException(Refusal.INVALID_SIGNATURE, "The " + kind.wireName() + " prekey "
                    + prekey.keyId() + " is not signed by " + caller.username() + "'s identity key");
        }
    }

    private Device ownDevice(Caller caller) {
        return accounts.findDevice(caller.username(), caller.device()).orElseThrow(() -> new RefusedException(
                Refusal.UNAUTHENTICATED, "The token's device no longer exists"));
    }

    private StoredPrekey stored(Device device, PrekeyKind kind, PublishedPrekey prekey) {
        Instant now = clock.instant();
        return new StoredPrekey(device, kind.wireName(), prekey.keyId(), prekey.algorithm(), prekey.publicKey(),
                prekey.signature(), now);
    }

    private static PublishedPrekey published(StoredPrekey stored) {
        return new PublishedPrekey(stored.keyId(), stored.algorithm(), stored.publicKey(), stored.signature());
    }
}
