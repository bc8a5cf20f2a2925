// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/**
 * Restarts the server's services with the management {@code reload} operation: every subsystem, the
 * datasource, the caches and the deployment stop and start again in the same JVM.
 */
final class Restart {

    private Restart() {
    }

    static void reloadAndWait(ManagementClient client) throws IOException, InterruptedException {
        ModelNode reload = new ModelNode();
        reload.get("operation").set("reload");
        reload.get("address").setEmptyList();
        client.getControllerClient().execute(reload);

        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Thread.sleep(1000);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create(Deployments.BASE_URL + "/api/v1/server")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // still restarting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The server did not come back within 90 s");
    }
}
