// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanomessenger.protocol.CryptoMode;

/**
 * Unacknowledged envelopes expire through the EJB timer. The test server runs the timer every
 * second (arquillian.xml); the test sets the retention to zero days for its own envelope.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiryIT {

    private static final String RETENTION = "nano.envelope.retention-days";

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterEach
    void restoreRetention() throws Exception {
        Policy.remove(management, RETENTION);
    }

    @Test
    void deletesAnUnacknowledgedEnvelopeWhenItsRetentionRunsOut() throws Exception {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).ready(0);
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(0);
        TestUser carol = TestUser.create("carol", CryptoMode.HYBRID).ready(0);
        assertThat(Api.post("/api/v1/envelopes", alice.token, alice.envelope(carol.username, new byte[] {1}))
                .status()).isEqualTo(201);

        Policy.set(management, RETENTION, "0");
        assertThat(Api.post("/api/v1/envelopes", alice.token, alice.envelope(bob.username, new byte[] {1}))
                .status()).isEqualTo(201);

        assertThat(MessagingFlowIT.mailboxEmptiesWithin(bob, Duration.ofSeconds(15)))
                .as("the envelope kept for zero days is gone").isTrue();
        assertThat(Api.get("/api/v1/envelopes", carol.token).body())
                .as("the envelope accepted under the 30-day retention stays").hasSize(1);
    }
}
