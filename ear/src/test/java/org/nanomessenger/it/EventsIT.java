// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanomessenger.it.events.EventRecorder;
import org.nanomessenger.it.events.EventsServlet;
import org.nanomessenger.protocol.CryptoMode;

/**
 * The services announce every security-relevant action as a CDI event, carrying metadata only. The
 * EAR under test gets an observer added to its web module, as the audit log will be.
 */
@ExtendWith(ArquillianExtension.class)
class EventsIT {

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear();
        ear.getAsType(WebArchive.class, "nano-messenger-web.war").addClasses(EventRecorder.class, EventsServlet.class);
        return ear;
    }

    @Test
    void everySecurityRelevantActionFiresAnEventWithoutSecrets() throws Exception {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).ready(1);
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(1);
        assertThat(Api.get("/api/v1/users/" + bob.username + "/bundle", alice.token).status()).isEqualTo(200);
        JsonNode sent = alice.envelope(bob.username, TestUser.randomBytes(16));
        Api.post("/api/v1/envelopes", alice.token, sent);
        Api.post("/api/v1/envelopes", alice.token, sent);
        try (Stream stream = Stream.open(bob.token)) {
            stream.next(10);
            stream.next(10);
            assertThat(stream.ackAndConfirm(sent.get("id").asText())).isTrue();
        }
        Policy.set(management, "nano.envelope.retention-days", "0");
        try {
            Api.post("/api/v1/envelopes", alice.token, alice.envelope(bob.username, new byte[] {1}));
            assertThat(MessagingFlowIT.mailboxEmptiesWithin(bob, Duration.ofSeconds(15))).isTrue();
        } finally {
            Policy.remove(management, "nano.envelope.retention-days");
        }
        Api.delete("/api/v1/auth/token", alice.token);

        String events = Api.get("/test-events", null).text();

        assertThat(events).contains(
                "AccountRegistered[", "username=" + alice.username, "mode=hybrid",
                "TokenIssued[", "KeysPublished[", "kind=one-time",
                "BundleFetched[", "requester=" + alice.username,
                "EnvelopeAccepted[", "id=" + sent.get("id").asText(),
                "RequestRefused[", "refusal=REPLAYED_ENVELOPE",
                "EnvelopeDelivered[", "EnvelopeAcknowledged[", "EnvelopeExpired[", "TokenRevoked[");
        assertThat(events).doesNotContain(alice.token).doesNotContain(sent.get("ciphertext").asText());
    }
}
