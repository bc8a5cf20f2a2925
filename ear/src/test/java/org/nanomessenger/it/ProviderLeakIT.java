// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanomessenger.it.probe.SecurityProvidersServlet;
import org.nanomessenger.protocol.CryptoMode;

/** Deploying, using and undeploying the application leaves no security provider behind in the JVM. */
@ExtendWith(ArquillianExtension.class)
class ProviderLeakIT {

    private static final String APPLICATION = "application";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APPLICATION, managed = false, testable = false)
    static EnterpriseArchive application() {
        return Deployments.ear();
    }

    @Deployment(name = "probe", testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war").addClass(SecurityProvidersServlet.class);
    }

    @Test
    void noProviderIsRegisteredWhileDeployedNorLeftAfterUndeployAndRedeploy() {
        assertThat(providers()).doesNotContain("NanoPQ");

        deployer.deploy(APPLICATION);
        TestUser.create("leak", CryptoMode.HYBRID).ready(1);
        String whileDeployed = providers();
        deployer.undeploy(APPLICATION);
        deployer.deploy(APPLICATION);
        TestUser.create("leak", CryptoMode.HYBRID).ready(1);
        deployer.undeploy(APPLICATION);

        // WildFly may register providers of its own modules (its Bouncy Castle 1.83 among them) on
        // first use; the application must add none, so none may come from a deployment's loader
        assertThat(whileDeployed).doesNotContain("NanoPQ").doesNotContain("deployment.nano-messenger");
        assertThat(providers()).doesNotContain("NanoPQ").doesNotContain("deployment.nano-messenger");
    }

    private static String providers() {
        Api.Answer answer = Api.get("/probe/providers", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.text();
    }
}
