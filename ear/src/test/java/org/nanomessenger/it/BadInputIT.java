// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.PrekeyKind;

/** Bad input on every endpoint: a 4xx problem+json answer, never a 500, never a stack trace. */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    private static TestUser user;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void signIn() {
        user = TestUser.create("mallory", CryptoMode.HYBRID).ready(0);
    }

    /** Every endpoint that takes a body, by method and path. */
    static Stream<Arguments> bodyEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/accounts"),
                Arguments.of("POST", "/api/v1/auth/challenge"),
                Arguments.of("POST", "/api/v1/auth/token"),
                Arguments.of("PUT", "/api/v1/keys/signed"),
                Arguments.of("PUT", "/api/v1/keys/last-resort"),
                Arguments.of("POST", "/api/v1/keys/one-time"),
                Arguments.of("POST", "/api/v1/envelopes"));
    }

    /** Bodies that are not what any endpoint expects. */
    static Stream<Arguments> badBodies() {
        return bodyEndpoints().flatMap(endpoint -> Stream.of(
                "{\"username\":",
                "not json at all",
                "[]",
                "{\"username\":5,\"timestamp\":\"yesterday\",\"keyId\":\"x\",\"prekeys\":7}",
                "{\"identityKey\":\"***\",\"nonce\":\"%%\",\"publicKey\":\"a b\","
                        + "\"signature\":\"==\",\"ciphertext\":\"+/+/\",\"id\":\"x\",\"timestamp\":1}",
                "{}",
                "null")
                .map(body -> Arguments.of(endpoint.get()[0], endpoint.get()[1], body)));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("badBodies")
    void answersAMalformedBodyWithAProblemNeverA500(String method, String path, String body) {
        Api.Answer answer = Api.raw(method, path, user.token, "application/json",
                body.getBytes(StandardCharsets.UTF_8));

        assertClientProblem(answer);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyEndpoints")
    void refusesABodyOverTheLimitWith413(String method, String path) {
        byte[] huge = ("{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        Api.Answer answer = Api.raw(method, path, user.token, "application/json", huge);

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertClientProblem(answer);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyEndpoints")
    void refusesAnotherMediaTypeWith415(String method, String path) {
        Api.Answer answer = Api.raw(method, path, user.token, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(415);
        assertClientProblem(answer);
    }

    @Test
    void refusesAnIdentityKeyOfTheWrongLength() {
        TestUser other = TestUser.create("mallory", CryptoMode.HYBRID);
        byte[] key = other.identity.getPublic().getEncoded();
        byte[] truncated = Arrays.copyOf(key, key.length - 7);

        Api.Answer answer = Api.post("/api/v1/accounts", null,
                other.registration().put("identityKey", Base64Url.encode(truncated)));

        RefusalIT.assertRefused(answer, 400, "invalid-key");
    }

    @Test
    void refusesAPrekeyOfTheWrongLength() {
        ObjectNode prekey = user.prekey(PrekeyKind.SIGNED);
        byte[] key = TestUser.decode(prekey.get("publicKey").asText());
        prekey.put("publicKey", Base64Url.encode(Arrays.copyOf(key, key.length + 5)));

        RefusalIT.assertRefused(Api.put("/api/v1/keys/signed", user.token, prekey), 400, "invalid-key");
    }

    @Test
    void answersUnknownPathsMethodsAndIdsWithProblems() {
        assertThat(Api.get("/api/v1/nothing-here", user.token).status()).isEqualTo(404);
        assertClientProblem(Api.get("/api/v1/nothing-here", user.token));
        assertThat(Api.get("/api/v1/accounts", null).status()).isEqualTo(405);
        assertClientProblem(Api.get("/api/v1/accounts", null));
        RefusalIT.assertRefused(Api.delete("/api/v1/envelopes/not-a-uuid", user.token), 400, "malformed-request");
        RefusalIT.assertRefused(Api.get("/api/v1/users/NO%20SUCH%20NAME!/bundle", user.token), 400,
                "invalid-username");
    }

    static void assertClientProblem(Api.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.text()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).startsWith("https://nanomessenger.org/problems/");
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
