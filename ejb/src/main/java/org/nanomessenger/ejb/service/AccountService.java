// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

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
import org.nanomessenger.ejb.entity.Account;
import org.nanomessenger.ejb.entity.BlockedSender;
import org.nanomessenger.ejb.entity.Device;
import org.nanomessenger.ejb.repository.AccountRepository;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Registration;
import org.nanomessenger.protocol.Signatures;
import org.nanomessenger.protocol.Usernames;

/** Registration (first come, first served, with proof of possession) and blocking. */
@Stateless
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    Refusals refusals;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    Clock clock;

    /**
     * Registers a username with its first device and identity key. The request must be signed by
     * that key over {@link Registration#signingInput()}.
     *
     * @return the normalised username and the key's crypto mode
     * @throws RefusedException {@link Refusal#INVALID_USERNAME}, {@link Refusal#INVALID_KEY},
     *         {@link Refusal#MODE_BELOW_POLICY}, {@link Refusal#TIMESTAMP_OUT_OF_WINDOW},
     *         {@link Refusal#INVALID_SIGNATURE}, {@link Refusal#USERNAME_TAKEN}
     */
    public Registered register(String rawUsername, String deviceName, byte[] identityKey, long timestampMillis,
            byte[] signature) {
        String username = protocol(() -> Usernames.requireValid(rawUsername));
        requireDeviceName(deviceName);
        PublicKey key = protocol(() -> Signatures.decodePublicKey(identityKey));
        CryptoMode mode = CryptoMode.forSignatureAlgorithm(key.getAlgorithm()).orElseThrow(() -> refuse(username,
                Refusal.INVALID_KEY, "A " + key.getAlgorithm() + " key cannot be an identity key"));
        refusals.requirePolicy(username, mode, "key");
        refusals.requireFresh(username, timestampMillis);

        Registration registration = new Registration(username, deviceName, key.getAlgorithm(), identityKey,
                timestampMillis);
        if (!protocol(() -> Signatures.verify(key, registration.signingInput(), signature))) {
            throw refuse(username, Refusal.INVALID_SIGNATURE,
                    "The registration is not signed by the identity key it registers");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw refuse(username, Refusal.USERNAME_TAKEN, "The username " + username + " is taken");
        }

        Instant now = clock.instant();
        Account account = new Account(username, now);
        try {
            accounts.persist(account);
            accounts.persist(new Device(account, deviceName, mode.wireName(), key.getAlgorithm(), identityKey, now));
        } catch (PersistenceException e) {
            // Two registrations of one name raced; the unique constraint let one through
            throw refuse(username, Refusal.USERNAME_TAKEN, "The username " + username + " is taken");
        }
        events.fire(new SecurityEvent.AccountRegistered(now, username, mode.wireName()));
        return new Registered(username, mode);
    }

    /** The outcome of a registration. */
    public record Registered(String username, CryptoMode mode) {
    }

    /**
     * Stops {@code sender} from sending to the caller; blocking twice is harmless.
     *
     * @throws RefusedException {@link Refusal#INVALID_USERNAME}
     */
    public void block(Caller caller, String rawSender) {
        String sender = protocol(() -> Usernames.requireValid(rawSender));
        Account account = ownAccount(caller);
        if (!accounts.isBlocked(account, sender)) {
            accounts.persist(new BlockedSender(account.id(), sender, clock.instant()));
        }
    }

    /** Lets {@code sender} send to the caller again; answers whether a block was removed. */
    public boolean unblock(Caller caller, String rawSender) {
        String sender = protocol(() -> Usernames.requireValid(rawSender));
        return accounts.unblock(ownAccount(caller), sender);
    }

    /** The senders the caller has blocked, in alphabetical order. */
    public List<String> blocked(Caller caller) {
        return accounts.blockedSenders(ownAccount(caller));
    }

    /** The caller's account; a token whose account is gone counts as no authentication. */
    Account ownAccount(Caller caller) {
        return accounts.findByUsername(caller.username()).orElseThrow(() -> new RefusedException(
                Refusal.UNAUTHENTICATED, "The token's account no longer exists"));
    }

    private static void requireDeviceName(String deviceName) {
        if (deviceName == null || !deviceName.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST,
                    "A device name is 1 to 64 of A-Z a-z 0-9 _ . -");
        }
    }

    private RefusedException refuse(String username, Refusal refusal, String detail) {
        return refusals.refuse(username, refusal, detail);
    }

    /** Runs a protocol step, turning its checked problem into the matching refusal. */
    static <T> T protocol(ProtocolStep<T> step) {
        try {
            return step.run();
        } catch (ProtocolException e) {
            throw new RefusedException(e);
        }
    }

    /** A step that may raise a protocol problem. */
    @FunctionalInterface
    interface ProtocolStep<T> {
        T run() throws ProtocolException;
    }
}
