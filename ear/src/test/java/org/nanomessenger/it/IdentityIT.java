// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nanomessenger.protocol.CryptoMode;

/** {@code GET /users/{username}/identity}: the identity key alone, read without consuming a thing. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    private static final List<String> FIELDS =
            List.of("username", "device", "mode", "identityAlgorithm", "identityKey");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ParameterizedTest
    @EnumSource(value = CryptoMode.class, names = {"HYBRID", "QUANTUM"})
    void answersTheRegisteredIdentityKeyWithTheBundlesFields(CryptoMode mode) {
        TestUser bob = TestUser.create("bob", mode).ready(1);
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();

        Api.Answer identity = Api.get(identityPath(bob.username), alice.token);

        assertThat(identity.status()).as(identity.text()).isEqualTo(200);
        assertThat(identity.contentType()).startsWith("application/json");
        JsonNode body = identity.body();
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(body.get("username").asText()).isEqualTo(bob.username);
        assertThat(body.get("device").asText()).isEqualTo(TestUser.DEVICE);
        assertThat(body.get("mode").asText()).isEqualTo(mode.wireName());
        assertThat(body.get("identityAlgorithm").asText()).isEqualTo(mode.signatureAlgorithm());
        assertThat(TestUser.decode(body.get("identityKey").asText()))
                .isEqualTo(bob.identity.getPublic().getEncoded());

        JsonNode bundle = Api.get("/api/v1/users/" + bob.username + "/bundle", alice.token).body();
        for (String field : FIELDS) {
            assertThat(body.get(field)).as(field).isEqualTo(bundle.get(field));
        }
    }

    @Test
    void consumesNoOneTimePrekey() {
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(2);
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();
        assertThat(oneTimeCount(bob)).isEqualTo(2);

        for (int i = 0; i < 3; i++) {
            assertThat(Api.get(identityPath(bob.username), alice.token).status()).isEqualTo(200);
        }
        assertThat(Api.get(identityPath(bob.username), bob.token).status()).isEqualTo(200);

        assertThat(oneTimeCount(bob)).isEqualTo(2);
        JsonNode bundle = Api.get("/api/v1/users/" + bob.username + "/bundle", alice.token).body();
        assertThat(bundle.path("oneTimePrekey").has("keyId")).as(bundle.toString()).isTrue();
        assertThat(oneTimeCount(bob)).isEqualTo(1);
    }

    @Test
    void answersForAUserWhoHasPublishedNoPrekeys() {
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).register();
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();

        Api.Answer identity = Api.get(identityPath(bob.username), alice.token);

        assertThat(identity.status()).as(identity.text()).isEqualTo(200);
        assertThat(TestUser.decode(identity.body().get("identityKey").asText()))
                .isEqualTo(bob.identity.getPublic().getEncoded());
    }

    @Test
    void normalisesTheUsernameInThePath() {
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).register();
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();
        String typed = "%20" + bob.username.toUpperCase(Locale.ROOT);

        Api.Answer identity = Api.get(identityPath(typed), alice.token);

        assertThat(identity.status()).as(identity.text()).isEqualTo(200);
        assertThat(identity.body().get("username").asText()).isEqualTo(bob.username);
    }

    @Test
    void refusesAnUnknownUser() {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        RefusalIT.assertRefused(Api.get(identityPath(nobody), alice.token), 404, "unknown-user");
    }

    @Test
    void refusesAnInvalidUsername() {
        TestUser alice = TestUser.create("alice", CryptoMode.HYBRID).register().login();

        RefusalIT.assertRefused(Api.get(identityPath("NO%20SUCH%20NAME!"), alice.token), 400,
                "invalid-username");
        RefusalIT.assertRefused(Api.get(identityPath("x"), alice.token), 400, "invalid-username");
    }

    @Test
    void refusesACallerWithoutAValidToken() {
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).register();

        RefusalIT.assertRefused(Api.get(identityPath(bob.username), null), 401, "unauthenticated");
        RefusalIT.assertRefused(Api.get(identityPath(bob.username), "no-such-token"), 401,
                "unauthenticated");
        RefusalIT.assertRefused(Api.get(identityPath("x!"), null), 401, "unauthenticated");
    }

    private static String identityPath(String username) {
        return "/api/v1/users/" + username + "/identity";
    }

    private static long oneTimeCount(TestUser user) {
        return Api.get("/api/v1/keys/one-time/count", user.token).body().get("count").asLong();
    }
}
