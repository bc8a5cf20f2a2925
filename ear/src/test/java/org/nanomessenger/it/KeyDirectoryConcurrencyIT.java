// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanomessenger.protocol.CryptoMode;

/** One-time prekeys under concurrent bundle fetches: each handed out at most once. */
@ExtendWith(ArquillianExtension.class)
class KeyDirectoryConcurrencyIT {

    private static final int ONE_TIME_KEYS = 20;
    private static final int FETCHES = 32;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void handsOutEveryOneTimePrekeyAtMostOnceUnderConcurrentFetches() throws Exception {
        TestUser bob = TestUser.create("bob", CryptoMode.HYBRID).ready(ONE_TIME_KEYS);
        List<TestUser> fetchers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fetchers.add(TestUser.create("fetcher", CryptoMode.HYBRID).register().login());
        }
        List<Callable<JsonNode>> fetches = new ArrayList<>();
        for (int i = 0; i < FETCHES; i++) {
            TestUser fetcher = fetchers.get(i % fetchers.size());
            fetches.add(() -> Api.get("/api/v1/users/" + bob.username + "/bundle", fetcher.token).body());
        }

        List<Long> handedOut = new ArrayList<>();
        int lastResortOnly = 0;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<JsonNode> result : pool.invokeAll(fetches)) {
                JsonNode bundle = result.get();
                assertThat(bundle.has("signedPrekey")).as(bundle.toString()).isTrue();
                JsonNode oneTime = bundle.get("oneTimePrekey");
                if (oneTime == null || oneTime.isNull()) {
                    lastResortOnly++;
                } else {
                    handedOut.add(oneTime.get("keyId").asLong());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(handedOut).doesNotHaveDuplicates().hasSize(ONE_TIME_KEYS);
        assertThat(lastResortOnly).isEqualTo(FETCHES - ONE_TIME_KEYS);
        assertThat(Api.get("/api/v1/keys/one-time/count", bob.token).body().get("count").asLong()).isZero();
    }
}
