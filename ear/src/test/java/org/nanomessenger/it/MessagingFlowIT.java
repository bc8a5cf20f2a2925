// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.Prekey;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.Signatures;

/** The whole exchange over real HTTP and WebSocket, in each crypto mode. */
@ExtendWith(ArquillianExtension.class)
class MessagingFlowIT {

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void acceptEveryMode() throws Exception {
        Policy.minimumMode(management, "classical");
    }

    @AfterEach
    void restoreDefaultPolicy() throws Exception {
        Policy.reset(management);
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void twoUsersExchangeAnEnvelopeAndTheMailboxEndsEmpty(CryptoMode mode) throws Exception {
        TestUser alice = TestUser.create("alice", mode).ready(2);
        TestUser bob = TestUser.create("bob", mode).ready(2);

        Api.Answer bundle = Api.get("/api/v1/users/" + bob.username + "/bundle", alice.token);
        assertThat(bundle.status()).as(bundle.text()).isEqualTo(200);
        assertThat(bundle.body().get("mode").asText()).isEqualTo(mode.wireName());
        assertThat(prekeySignatureVerifies(bob, PrekeyKind.SIGNED, bundle.body().get("signedPrekey"))).isTrue();
        assertThat(prekeySignatureVerifies(bob, PrekeyKind.ONE_TIME, bundle.body().get("oneTimePrekey"))).isTrue();
        assertThat(Api.get("/api/v1/keys/one-time/count", bob.token).body().get("count").asLong()).isEqualTo(1);

        byte[] ciphertext = TestUser.randomBytes(300);
        JsonNode sent = alice.envelope(bob.username, ciphertext);
        Api.Answer accepted = Api.post("/api/v1/envelopes", alice.token, sent);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);

        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            JsonNode delivered = stream.next(10).get("envelope");
            assertThat(delivered.get("id").asText()).isEqualTo(sent.get("id").asText());
            assertThat(TestUser.decode(delivered.get("ciphertext").asText())).isEqualTo(ciphertext);
            assertThat(senderSignatureVerifies(alice, delivered)).isTrue();

            assertThat(stream.ackAndConfirm(delivered.get("id").asText())).isTrue();
            assertThat(Api.get("/api/v1/envelopes", bob.token).body()).isEmpty();
        }
    }

    @Test
    void pushesAnEnvelopeToAConnectedRecipientAsSoonAsItIsAccepted() throws Exception {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).ready(1);
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(1);

        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            JsonNode sent = alice.envelope(bob.username, TestUser.randomBytes(64));
            assertThat(Api.post("/api/v1/envelopes", alice.token, sent).status()).isEqualTo(201);

            JsonNode pushed = stream.next(10);
            assertThat(pushed).as("an envelope pushed within 10 s").isNotNull();
            assertThat(pushed.get("envelope").get("id").asText()).isEqualTo(sent.get("id").asText());
        }
    }

    @Test
    void aRecipientCanListAndAcknowledgeOverRestInOrder() {
        TestUser alice = TestUser.create("alice", CryptoMode.QUANTUM).ready(0);
        TestUser bob = TestUser.create("bob", CryptoMode.QUANTUM).ready(0);
        JsonNode first = alice.envelope(bob.username, TestUser.randomBytes(10));
        JsonNode second = alice.envelope(bob.username, TestUser.randomBytes(10));
        Api.post("/api/v1/envelopes", alice.token, first);
        Api.post("/api/v1/envelopes", alice.token, second);

        JsonNode mailbox = Api.get("/api/v1/envelopes", bob.token).body();

        assertThat(mailbox).hasSize(2);
        assertThat(mailbox.get(0).get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(mailbox.get(1).get("id").asText()).isEqualTo(second.get("id").asText());
        assertThat(Api.delete("/api/v1/envelopes/" + first.get("id").asText(), bob.token).status()).isEqualTo(204);
        assertThat(Api.delete("/api/v1/envelopes/" + first.get("id").asText(), bob.token).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/envelopes", bob.token).body()).hasSize(1);
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();

        assertThat(Api.delete("/api/v1/auth/token", alice.token).status()).isEqualTo(204);

        Api.Answer answer = Api.get("/api/v1/envelopes", alice.token);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problem()).isEqualTo("unauthenticated");
    }

    @Test
    void aPolicyValueThatNamesNoModeFailsClosedToQuantumOnly() throws Exception {
        Policy.minimumMode(management, "HYBRID ");

        Api.Answer answer = Api.get("/api/v1/server", null);

        assertThat(answer.body().get("minimumMode").asText()).isEqualTo("quantum");
        assertThat(Api.post("/api/v1/accounts", null, TestUser.create("carol", CryptoMode.HYBRID).registration())
                .problem()).isEqualTo("mode-below-policy");
    }

    @Test
    void revokingATokenClosesTheWebSocketOpenedWithIt() throws Exception {
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(0);

        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            assertThat(Api.delete("/api/v1/auth/token", bob.token).status()).isEqualTo(204);

            JsonNode error = stream.next(10);
            assertThat(error).as("an error frame within 10 s").isNotNull();
            assertThat(error.get("problem").get("type").asText()).endsWith("/unauthenticated");
        }
    }

    @Test
    void aTokenStopsWorkingWhenItsLifetimeEnds() throws Exception {
        Policy.set(management, "nano.auth.token-lifetime-seconds", "1");
        try {
            TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();
            assertThat(Api.get("/api/v1/envelopes", alice.token).status()).isEqualTo(200);
            try (Stream stream = Stream.open(alice.token)) {
                assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
                JsonNode error = stream.next(10);
                assertThat(error).as("the socket is closed when the token expires").isNotNull();
                assertThat(error.get("problem").get("type").asText()).endsWith("/unauthenticated");
            }

            Instant deadline = Instant.now().plusSeconds(10);
            int status = 200;
            while (status == 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                status = Api.get("/api/v1/envelopes", alice.token).status();
            }
            assertThat(status).isEqualTo(401);
        } finally {
            Policy.remove(management, "nano.auth.token-lifetime-seconds");
        }
    }

    static boolean prekeySignatureVerifies(TestUser owner, PrekeyKind kind, JsonNode prekey) throws Exception {
        Prekey statement = new Prekey(owner.username, kind, prekey.get("keyId").asLong(),
                prekey.get("algorithm").asText(), TestUser.decode(prekey.get("publicKey").asText()));
        return Signatures.verify(owner.identity.getPublic(), statement.signingInput(),
                TestUser.decode(prekey.get("signature").asText()));
    }

    static boolean senderSignatureVerifies(TestUser sender, JsonNode envelope) throws Exception {
        Envelope statement = new Envelope(UUID.fromString(envelope.get("id").asText()),
                envelope.get("sender").asText(), envelope.get("recipient").asText(),
                CryptoMode.fromWireName(envelope.get("mode").asText()), envelope.get("timestamp").asLong(),
                TestUser.decode(envelope.get("ciphertext").asText()));
        return Signatures.verify(sender.identity.getPublic(), statement.signingInput(),
                TestUser.decode(envelope.get("signature").asText()));
    }

    static boolean mailboxEmptiesWithin(TestUser user, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Api.get("/api/v1/envelopes", user.token).body().isEmpty()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
