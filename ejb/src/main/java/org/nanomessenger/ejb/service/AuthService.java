// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.infinispan.Cache;
import org.nanomessenger.ejb.api.Caller;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;
import org.nanomessenger.ejb.api.event.SecurityEvent;
import org.nanomessenger.ejb.entity.Device;
import org.nanomessenger.ejb.repository.AccountRepository;
import org.nanomessenger.protocol.AuthChallengeResponse;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Signatures;
import org.nanomessenger.protocol.Usernames;

/**
 * Passwordless authentication: the server hands out a random challenge, the device signs it with its
 * identity key, and the server answers with a short-lived bearer token. Challenges are single use.
 * Only the SHA-256 of a token is kept (in the {@code tokens} cache), never the token itself.
 */
@Stateless
public class AuthService {

    /** How long a challenge may be answered. */
    static final long CHALLENGE_SECONDS = 60;
    private static final int NONCE_BYTES = 32;
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:jboss/infinispan/cache/nano/challenges")
    private Cache<String, String> challenges;

    @Resource(lookup = "java:jboss/infinispan/cache/nano/tokens")
    private Cache<String, String> tokens;

    @Inject
    AccountRepository accounts;

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

    /** A challenge to sign: the nonce and when it was issued, for {@link AuthChallengeResponse}. */
    public record Challenge(byte[] nonce, long issuedAtMillis, long expiresInSeconds) {
    }

    /** A bearer token and how long it lives. */
    public record Token(String token, long expiresInSeconds) {
    }

    /**
     * Issues a challenge for a username, registered or not (whether a name is taken is public
     * anyway: registration and bundles tell).
     *
     * @throws RefusedException {@link Refusal#INVALID_USERNAME}
     */
    public Challenge challenge(String rawUsername) {
        String username = normalizedUsername(rawUsername);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        long issuedAt = clock.millis();

        challenges.put(Base64Url.encode(nonce), username + "|" + issuedAt, CHALLENGE_SECONDS, TimeUnit.SECONDS);
        return new Challenge(nonce, issuedAt, CHALLENGE_SECONDS);
    }

    /**
     * Checks a signed challenge and issues a token. The challenge is consumed whether or not the
     * signature verifies.
     *
     * @throws RefusedException {@link Refusal#CHALLENGE_INVALID}, {@link Refusal#UNKNOWN_USER},
     *         {@link Refusal#INVALID_SIGNATURE}
     */
    public Token issueToken(String rawUsername, String deviceName, byte[] nonce, byte[] signature) {
        String username = normalizedUsername(rawUsername);
        String outstanding = challenges.remove(Base64Url.encode(nonce));
        if (outstanding == null || !outstanding.startsWith(username + "|")) {
            throw refuse(username, Refusal.CHALLENGE_INVALID, "The challenge is unknown, used or expired; ask again");
        }
        long issuedAt = Long.parseLong(outstanding.substring(username.length() + 1));

        Device device = accounts.findDevice(username, deviceName).orElseThrow(() -> refuse(username,
                Refusal.UNKNOWN_USER, "No device " + deviceName + " of user " + username));
        byte[] input = new AuthChallengeResponse(username, deviceName, nonce, issuedAt).signingInput();
        if (!verifies(device, input, signature)) {
            throw refuse(username, Refusal.INVALID_SIGNATURE, "The challenge signature does not verify under "
                    + username + "'s identity key");
        }

        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        String encoded = Base64Url.encode(token);
        long lifetime = policy.tokenLifetime().toSeconds();
        String hash = hash(encoded);
        long expiresAt = now().plusSeconds(lifetime).toEpochMilli();
        tokens.put(hash, username + "|" + deviceName + "|" + expiresAt, lifetime, TimeUnit.SECONDS);
        events.fire(new SecurityEvent.TokenIssued(now(), username, tokenId(hash)));
        return new Token(encoded, lifetime);
    }

    /** The caller a bearer token belongs to, if the token is known and not expired. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = hash(token);
        String holder = tokens.get(hash);
        if (holder == null) {
            return Optional.empty();
        }
        String[] fields = holder.split("\\|");
        return Optional.of(new Caller(fields[0], fields[1], tokenId(hash),
                Instant.ofEpochMilli(Long.parseLong(fields[2]))));
    }

    /** Revokes a token at once; an unknown token is ignored. */
    public void revoke(String token) {
        String hash = hash(token);
        String holder = tokens.remove(hash);
        if (holder != null) {
            events.fire(new SecurityEvent.TokenRevoked(now(), holder.substring(0, holder.indexOf('|')),
                    tokenId(hash)));
        }
    }

    private boolean verifies(Device device, byte[] input, byte[] signature) {
        try {
            return Signatures.verify(identityKeys.decode(device.identityKey()), input, signature);
        } catch (ProtocolException e) {
            throw new RefusedException(e);
        }
    }

    private String normalizedUsername(String raw) {
        try {
            return Usernames.requireValid(raw);
        } catch (ProtocolException e) {
            throw new RefusedException(e);
        }
    }

    private RefusedException refuse(String username, Refusal refusal, String detail) {
        return refusals.refuse(username, refusal, detail);
    }

    private Instant now() {
        return clock.instant();
    }

    /** The first 16 hex digits of the token's hash: enough to tell tokens apart, useless to use one. */
    private static String tokenId(String hash) {
        return hash.substring(0, 16);
    }

    /** SHA-256 of the token's text, in hex: the cache key, so that a heap dump holds no live token. */
    private static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
