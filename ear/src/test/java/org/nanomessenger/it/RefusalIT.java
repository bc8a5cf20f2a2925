// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanomessenger.protocol.AuthChallengeResponse;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.PrekeyKind;

/**
 * Every refusal, one test each, under the default policy (hybrid): its own problem type and status,
 * and nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
class RefusalIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    // --- registration

    @Test
    void refusesAnInvalidUsername() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID);
        ObjectNode body = user.registration().put("username", "x!");

        assertRefused(Api.post("/api/v1/accounts", null, body), 400, "invalid-username");
    }

    @Test
    void refusesAGarbledIdentityKeyAndKeepsTheNameFree() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID);
        ObjectNode body = user.registration().put("identityKey", Base64Url.encode(new byte[] {0x30, 0x03, 1, 2, 3}));

        assertRefused(Api.post("/api/v1/accounts", null, body), 400, "invalid-key");
        user.register();
    }

    @Test
    void refusesAKemKeyAsIdentityKey() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID);
        byte[] kemKey = TestUser.generate("X-Wing").getPublic().getEncoded();
        ObjectNode body = user.registration().put("identityKey", Base64Url.encode(kemKey));

        assertRefused(Api.post("/api/v1/accounts", null, body), 400, "invalid-key");
    }

    @Test
    void refusesARegistrationSignedByAnotherKeyAndKeepsTheNameFree() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID);
        TestUser impostor = TestUser.create("eve", CryptoMode.HYBRID);
        ObjectNode body = user.registration().put("signature", impostor.registration().get("signature").asText());

        assertRefused(Api.post("/api/v1/accounts", null, body), 400, "invalid-signature");
        user.register();
    }

    @Test
    void refusesAClassicalIdentityUnderTheHybridPolicy() {
        TestUser user = TestUser.create("carol", CryptoMode.CLASSICAL);

        assertRefused(Api.post("/api/v1/accounts", null, user.registration()), 422, "mode-below-policy");
    }

    @Test
    void refusesAStaleRegistration() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID);
        ObjectNode body = user.registration();
        body.put("timestamp", body.get("timestamp").asLong() - 3_600_000);

        assertRefused(Api.post("/api/v1/accounts", null, body), 422, "timestamp-out-of-window");
    }

    @Test
    void refusesATakenUsernameAndKeepsTheFirstOwner() {
        TestUser first = TestUser.create("carol", CryptoMode.HYBRID).register();
        TestUser second = TestUser.named(first.username, CryptoMode.HYBRID);

        assertRefused(Api.post("/api/v1/accounts", null, second.registration()), 409, "username-taken");
        first.login();
    }

    // --- authentication

    @Test
    void refusesAnUnknownChallenge() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID).register();
        byte[] nonce = TestUser.randomBytes(32);
        byte[] input = new AuthChallengeResponse(user.username, TestUser.DEVICE, nonce, 0).signingInput();
        ObjectNode body = Api.object().put("username", user.username).put("device", TestUser.DEVICE)
                .put("nonce", Base64Url.encode(nonce)).put("signature", Base64Url.encode(user.sign(input)));

        assertRefused(Api.post("/api/v1/auth/token", null, body), 401, "challenge-invalid");
    }

    @Test
    void refusesAChallengeSignedByAnotherKey() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID).register();
        TestUser impostor = TestUser.create("eve", CryptoMode.HYBRID);
        Api.Answer challenge = Api.post("/api/v1/auth/challenge", null, Api.object().put("username", user.username));
        byte[] nonce = TestUser.decode(challenge.body().get("nonce").asText());
        byte[] input = new AuthChallengeResponse(user.username, TestUser.DEVICE, nonce,
                challenge.body().get("issuedAt").asLong()).signingInput();
        ObjectNode body = Api.object().put("username", user.username).put("device", TestUser.DEVICE)
                .put("nonce", Base64Url.encode(nonce)).put("signature", Base64Url.encode(impostor.sign(input)));

        assertRefused(Api.post("/api/v1/auth/token", null, body), 400, "invalid-signature");
        assertRefused(Api.post("/api/v1/auth/token", null, body), 401, "challenge-invalid");
    }

    @Test
    void refusesRequestsWithoutAToken() {
        assertRefused(Api.get("/api/v1/envelopes", null), 401, "unauthenticated");
        assertRefused(Api.get("/api/v1/envelopes", "not-a-token"), 401, "unauthenticated");
    }

    // --- key directory

    @Test
    void refusesAPrekeyOfAnotherModeAndStoresNone() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID).ready(0);
        TestUser classical = TestUser.create("dave", CryptoMode.CLASSICAL);
        ObjectNode wrongMode = classical.prekey(PrekeyKind.ONE_TIME);
        ArrayNode batch = Api.JSON.createArrayNode().add(wrongMode);

        assertRefused(Api.post("/api/v1/keys/one-time", user.token, Api.object().set("prekeys", batch)), 422,
                "mode-mismatch");
        assertThat(Api.get("/api/v1/keys/one-time/count", user.token).body().get("count").asLong()).isZero();
    }

    @Test
    void refusesAPrekeyNotSignedByTheIdentityKeyAndStoresNone() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID).register().login();
        TestUser other = TestUser.create("eve", CryptoMode.HYBRID);
        ObjectNode prekey = user.prekey(PrekeyKind.SIGNED);
        prekey.put("signature", other.prekey(PrekeyKind.SIGNED).get("signature").asText());

        assertRefused(Api.put("/api/v1/keys/signed", user.token, prekey), 400, "invalid-signature");
        TestUser reader = TestUser.create("frank", CryptoMode.HYBRID).register().login();
        assertRefused(Api.get("/api/v1/users/" + user.username + "/bundle", reader.token), 404, "no-prekeys");
    }

    @Test
    void refusesMoreThanAHundredOneTimePrekeysAtOnce() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID).ready(0);
        ArrayNode batch = Api.JSON.createArrayNode();
        ObjectNode prekey = user.prekey(PrekeyKind.ONE_TIME);
        for (int i = 0; i < 101; i++) {
            batch.add(prekey.deepCopy().put("keyId", 1_000_000 + i));
        }

        assertRefused(Api.post("/api/v1/keys/one-time", user.token, Api.object().set("prekeys", batch)), 422,
                "too-many-prekeys");
    }

    @Test
    void refusesTheBundleOfAnUnknownUser() {
        TestUser user = TestUser.create("carol", CryptoMode.HYBRID).register().login();

        assertRefused(Api.get("/api/v1/users/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/bundle",
                user.token), 404, "unknown-user");
    }

    // --- envelopes: each refusal leaves the recipient's mailbox empty

    @Test
    void refusesAnEnvelopeFromSomeoneElse() {
        Pair pair = Pair.hybrid();
        Envelope forged = new Envelope(UUID.randomUUID(), pair.bob.username, pair.bob.username, CryptoMode.HYBRID,
                System.currentTimeMillis(), new byte[] {1});
        ObjectNode body = TestUser.envelopeBody(forged, pair.alice.sign(forged.signingInput()));

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token, body), 403, "not-sender");
        pair.assertBobsMailboxEmpty();
    }

    @Test
    void refusesAnEnvelopeOverTheSizeLimit() {
        Pair pair = Pair.hybrid();

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token,
                pair.alice.envelope(pair.bob.username, new byte[65_537])), 413, "envelope-too-large");
        pair.assertBobsMailboxEmpty();
    }

    @Test
    void refusesAnEnvelopeBelowThePolicy() {
        Pair pair = Pair.hybrid();
        ObjectNode body = pair.alice.envelope(pair.bob.username, CryptoMode.CLASSICAL, System.currentTimeMillis(),
                new byte[] {1});

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token, body), 422, "mode-below-policy");
        pair.assertBobsMailboxEmpty();
    }

    @Test
    void refusesAnEnvelopeOutsideTheTimeWindow() {
        Pair pair = Pair.hybrid();
        ObjectNode body = pair.alice.envelope(pair.bob.username, CryptoMode.HYBRID,
                System.currentTimeMillis() + 3_600_000, new byte[] {1});

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token, body), 422, "timestamp-out-of-window");
        pair.assertBobsMailboxEmpty();
    }

    @Test
    void refusesAnEnvelopeToAnUnknownRecipient() {
        Pair pair = Pair.hybrid();

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token,
                pair.alice.envelope("nobody-" + UUID.randomUUID().toString().substring(0, 8), new byte[] {1})), 404,
                "unknown-recipient");
    }

    @Test
    void refusesAnEnvelopeWhoseRecipientIsNotSentNormalised() {
        Pair pair = Pair.hybrid();

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token,
                pair.alice.envelope(pair.bob.username.toUpperCase(Locale.ROOT), new byte[] {1})), 400,
                "invalid-username");
        pair.assertBobsMailboxEmpty();
    }

    @Test
    void refusesAnEnvelopeWithABadSignature() {
        Pair pair = Pair.hybrid();
        ObjectNode body = pair.alice.envelope(pair.bob.username, new byte[] {1});
        body.put("ciphertext", Base64Url.encode(new byte[] {2}));

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token, body), 400, "invalid-signature");
        pair.assertBobsMailboxEmpty();
    }

    @Test
    void refusesAnEnvelopeFromABlockedSenderUntilUnblocked() {
        Pair pair = Pair.hybrid();
        assertThat(Api.put("/api/v1/blocks/" + pair.alice.username, pair.bob.token, "").status()).isEqualTo(204);

        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token, pair.alice.envelope(pair.bob.username,
                new byte[] {1})), 403, "blocked");
        pair.assertBobsMailboxEmpty();

        assertThat(Api.delete("/api/v1/blocks/" + pair.alice.username, pair.bob.token).status()).isEqualTo(204);
        assertThat(Api.post("/api/v1/envelopes", pair.alice.token, pair.alice.envelope(pair.bob.username,
                new byte[] {1})).status()).isEqualTo(201);
    }

    @Test
    void refusesAReplayedEnvelopeAndKeepsOneCopy() {
        Pair pair = Pair.hybrid();
        ObjectNode body = pair.alice.envelope(pair.bob.username, new byte[] {1});

        assertThat(Api.post("/api/v1/envelopes", pair.alice.token, body).status()).isEqualTo(201);
        assertRefused(Api.post("/api/v1/envelopes", pair.alice.token, body), 409, "replayed-envelope");
        assertThat(Api.get("/api/v1/envelopes", pair.bob.token).body()).hasSize(1);
    }

    static void assertRefused(Api.Answer answer, int status, String problem) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problem()).isEqualTo(problem);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    }

    /** Two registered, signed-in hybrid users. */
    record Pair(TestUser alice, TestUser bob) {
        static Pair hybrid() {
            return new Pair(TestUser.create("alice", CryptoMode.HYBRID).ready(0),
                    TestUser.create("bob", CryptoMode.HYBRID).ready(0));
        }

        void assertBobsMailboxEmpty() {
            assertThat(Api.get("/api/v1/envelopes", bob.token).body()).isEmpty();
        }
    }
}
