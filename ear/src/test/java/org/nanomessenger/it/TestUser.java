// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.crypto.provider.NanoPQProvider;
import org.nanomessenger.protocol.AuthChallengeResponse;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.Prekey;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Registration;
import org.nanomessenger.protocol.Signatures;

/**
 * A user of the tests: an identity key of one mode, and the calls a client makes, built from the
 * protocol module exactly as docs/protocol.md describes them.
 */
final class TestUser {

    static final String DEVICE = "laptop";
    private static final Provider NANO = new NanoPQProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong KEY_IDS = new AtomicLong(1);

    final String username;
    final CryptoMode mode;
    final KeyPair identity;
    String token;

    private TestUser(String username, CryptoMode mode) {
        this.username = username;
        this.mode = mode;
        this.identity = generate(mode.signatureAlgorithm());
    }

    /** A new user with a unique name, not yet registered. */
    static TestUser create(String prefix, CryptoMode mode) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new TestUser(prefix + "-" + suffix, mode);
    }

    /** A new identity under a given name. */
    static TestUser named(String username, CryptoMode mode) {
        return new TestUser(username, mode);
    }

    /** The registration request body, signed now. */
    ObjectNode registration() {
        long now = System.currentTimeMillis();
        byte[] key = identity.getPublic().getEncoded();
        byte[] input = new Registration(username, DEVICE, identity.getPublic().getAlgorithm(), key, now)
                .signingInput();
        return Api.object().put("username", username).put("device", DEVICE)
                .put("identityKey", Base64Url.encode(key)).put("timestamp", now)
                .put("signature", Base64Url.encode(sign(input)));
    }

    TestUser register() {
        Api.Answer answer = Api.post("/api/v1/accounts", null, registration());
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return this;
    }

    TestUser login() {
        Api.Answer challenge = Api.post("/api/v1/auth/challenge", null, Api.object().put("username", username));
        assertThat(challenge.status()).as(challenge.text()).isEqualTo(200);
        String nonce = challenge.body().get("nonce").asText();
        long issuedAt = challenge.body().get("issuedAt").asLong();
        byte[] input = new AuthChallengeResponse(username, DEVICE, decode(nonce), issuedAt).signingInput();

        Api.Answer answer = Api.post("/api/v1/auth/token", null, Api.object().put("username", username)
                .put("device", DEVICE).put("nonce", nonce).put("signature", Base64Url.encode(sign(input))));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        token = answer.body().get("token").asText();
        return this;
    }

    /** Registers, signs in and publishes a signed, a last-resort and {@code oneTime} one-time prekeys. */
    TestUser ready(int oneTime) {
        register().login();
        assertThat(Api.put("/api/v1/keys/signed", token, prekey(PrekeyKind.SIGNED)).status()).isEqualTo(204);
        assertThat(Api.put("/api/v1/keys/last-resort", token, prekey(PrekeyKind.LAST_RESORT)).status())
                .isEqualTo(204);
        if (oneTime > 0) {
            ArrayNode batch = Api.JSON.createArrayNode();
            for (int i = 0; i < oneTime; i++) {
                batch.add(prekey(PrekeyKind.ONE_TIME));
            }
            Api.Answer answer = Api.post("/api/v1/keys/one-time", token, Api.object().set("prekeys", batch));
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        }
        return this;
    }

    /** A fresh KEM key of this user's mode, signed as {@code kind}. */
    ObjectNode prekey(PrekeyKind kind) {
        long keyId = KEY_IDS.getAndIncrement();
        byte[] key = generate(mode.kemAlgorithm()).getPublic().getEncoded();
        byte[] input = new Prekey(username, kind, keyId, mode.kemAlgorithm(), key).signingInput();
        return Api.object().put("keyId", keyId).put("algorithm", mode.kemAlgorithm())
                .put("publicKey", Base64Url.encode(key)).put("signature", Base64Url.encode(sign(input)));
    }

    /** An envelope to {@code recipient}, signed by this user, as the JSON body of POST /envelopes. */
    ObjectNode envelope(String recipient, CryptoMode envelopeMode, long timestamp, byte[] ciphertext) {
        Envelope envelope = new Envelope(UUID.randomUUID(), username, recipient, envelopeMode, timestamp,
                ciphertext);
        return envelopeBody(envelope, sign(envelope.signingInput()));
    }

    ObjectNode envelope(String recipient, byte[] ciphertext) {
        return envelope(recipient, mode, System.currentTimeMillis(), ciphertext);
    }

    static ObjectNode envelopeBody(Envelope envelope, byte[] signature) {
        return Api.object().put("id", envelope.id().toString()).put("sender", envelope.sender())
                .put("recipient", envelope.recipient()).put("mode", envelope.mode().wireName())
                .put("timestamp", envelope.timestampMillis())
                .put("ciphertext", Base64Url.encode(envelope.ciphertext()))
                .put("signature", Base64Url.encode(signature));
    }

    byte[] sign(byte[] input) {
        try {
            return Signatures.sign(identity.getPrivate(), input);
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] decode(String base64Url) {
        try {
            return Base64Url.decode(base64Url);
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
