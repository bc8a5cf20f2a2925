// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanomessenger.protocol.CryptoMode;

/** At-least-once delivery: what is not acknowledged comes back, what is never does; data survives a reload. */
@ExtendWith(ArquillianExtension.class)
class RedeliveryIT {

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void unacknowledgedEnvelopesComeBackOnReconnectAndAcknowledgedOnesNever() throws Exception {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).ready(0);
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(0);
        String first = send(alice, bob);
        String second = send(alice, bob);

        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            assertThat(stream.next(10).get("envelope").get("id").asText()).isEqualTo(first);
            assertThat(stream.next(10).get("envelope").get("id").asText()).isEqualTo(second);
            assertThat(stream.ackAndConfirm(first)).isTrue();
        }

        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            assertThat(stream.next(10).get("envelope").get("id").asText()).isEqualTo(second);
            assertThat(stream.ackAndConfirm(second)).isTrue();
            assertThat(stream.next(2)).as("nothing else is delivered").isNull();
        }

        assertThat(Api.get("/api/v1/envelopes", bob.token).body()).isEmpty();
        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            assertThat(stream.next(2)).as("acknowledged envelopes never come back").isNull();
        }
    }

    @Test
    void deliversABacklogLongerThanOneMailboxPageOnConnect() throws Exception {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).ready(0);
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(0);
        int backlog = 130;
        for (int i = 0; i < backlog; i++) {
            send(alice, bob);
        }

        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            int delivered = 0;
            while (stream.next(5) != null) {
                delivered++;
            }
            assertThat(delivered).isEqualTo(backlog);
        }
    }

    @Test
    void answersAMalformedAckWithAnErrorFrame() throws Exception {
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(0);

        try (Stream stream = Stream.open(bob.token)) {
            assertThat(stream.next(10).get("type").asText()).isEqualTo("ready");
            stream.ack("NOT-A-UUID");
            JsonNode error = stream.next(10);
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("problem").get("type").asText()).endsWith("/malformed-request");
        }
    }

    @Test
    void accountsKeysAndWaitingEnvelopesSurviveAReload() throws Exception {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).ready(1);
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(1);
        String waiting = send(alice, bob);

        Restart.reloadAndWait(management);

        bob.login();
        JsonNode mailbox = Api.get("/api/v1/envelopes", bob.token).body();
        assertThat(mailbox).hasSize(1);
        assertThat(mailbox.get(0).get("id").asText()).isEqualTo(waiting);
        alice.login();
        assertThat(Api.get("/api/v1/users/" + bob.username + "/bundle", alice.token).status()).isEqualTo(200);
    }

    private static String send(TestUser from, TestUser to) {
        JsonNode body = from.envelope(to.username, TestUser.randomBytes(32));
        assertThat(Api.post("/api/v1/envelopes", from.token, body).status()).isEqualTo(201);
        return body.get("id").asText();
    }
}
