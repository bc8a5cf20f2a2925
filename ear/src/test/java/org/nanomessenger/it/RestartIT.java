// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanomessenger.protocol.CryptoMode;

/**
 * Accounts, keys and waiting envelopes survive a real restart: the server's JVM stops and a new one
 * starts on the same database. Runs in its own failsafe execution, with the manual container.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String CONTAINER = "wildfly-manual";
    private static final String APPLICATION = "application";

    @ArquillianResource
    ContainerController containers;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APPLICATION, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive application() {
        return Deployments.ear();
    }

    @Test
    void dataSurvivesAStopAndAStartOfTheServer() {
        containers.start(CONTAINER);
        deployer.deploy(APPLICATION);
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).ready(1);
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(1);
        JsonNode sent = alice.envelope(bob.username, TestUser.randomBytes(40));
        assertThat(Api.post("/api/v1/envelopes", alice.token, sent).status()).isEqualTo(201);

        containers.stop(CONTAINER);
        containers.start(CONTAINER);
        try {
            assertThat(Api.get("/api/v1/envelopes", bob.token).status())
                    .as("tokens do not survive a restart").isEqualTo(401);
            bob.login();
            JsonNode mailbox = Api.get("/api/v1/envelopes", bob.token).body();
            assertThat(mailbox).hasSize(1);
            assertThat(mailbox.get(0).get("id").asText()).isEqualTo(sent.get("id").asText());
            assertThat(mailbox.get(0).get("ciphertext").asText()).isEqualTo(sent.get("ciphertext").asText());
            alice.login();
            JsonNode bundle = Api.get("/api/v1/users/" + bob.username + "/bundle", alice.token).body();
            assertThat(bundle.get("oneTimePrekey").isNull()).as("bob's one-time prekey survived").isFalse();
        } finally {
            deployer.undeploy(APPLICATION);
            containers.stop(CONTAINER);
        }
    }
}
