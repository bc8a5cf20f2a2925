// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed server answers where the README says: the API, OpenAPI and health. */
@ExtendWith(ArquillianExtension.class)
class ServerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void publishesItsPolicyWithHybridAsTheDefaultMinimum() throws Exception {
        HttpResponse<String> response = get(Deployments.BASE_URL + "/api/v1/server");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("minimumMode").asText()).isEqualTo("hybrid");
        assertThat(body.get("acceptedModes").toString()).isEqualTo("[\"hybrid\",\"quantum\"]");
        assertThat(body.get("maxEnvelopeBytes").asInt()).isEqualTo(65536);
    }

    @Test
    void servesTheOpenApiDocumentWithEveryEndpoint() throws Exception {
        HttpResponse<String> response = get(Deployments.BASE_URL + "/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/server", "/api/v1/accounts", "/api/v1/auth/challenge",
                "/api/v1/auth/token", "/api/v1/keys/signed", "/api/v1/keys/last-resort", "/api/v1/keys/one-time",
                "/api/v1/keys/one-time/count", "/api/v1/users/{username}/bundle",
                "/api/v1/users/{username}/identity", "/api/v1/envelopes", "/api/v1/envelopes/{id}",
                "/api/v1/blocks", "/api/v1/blocks/{username}", "\"409\"", "\"413\"");
    }

    @Test
    void reportsReadyOnTheManagementPort() throws Exception {
        HttpResponse<String> response = get(Deployments.MANAGEMENT_URL + "/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
