// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;

import javax.crypto.KEM;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nanomessenger.crypto.provider.key.KeyType.Family;

/** The known-answer self-tests pass here, and a failed one closes its family's services. */
class SelfTestTest {

    @AfterEach
    void forgetInjectedResult() {
        SelfTest.recordForTesting(Family.X_WING, null);
    }

    @Test
    void everyFamilyPassesItsSelfTest() {
        SelfTest.Result result = NanoPQProvider.selfTest();

        assertThat(result.failures()).isEmpty();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void failedSelfTestRefusesEveryServiceOfTheFamily() {
        SelfTest.recordForTesting(Family.X_WING, "X-Wing ct does not match its known answer");
        NanoPQProvider provider = new NanoPQProvider();

        assertThatThrownBy(() -> KEM.getInstance("X-Wing", provider))
                .isInstanceOf(NoSuchAlgorithmException.class)
                .rootCause()
                .isInstanceOf(ProviderException.class)
                .hasMessage("NanoPQ refuses X_WING: its self-test failed (X-Wing ct does not match its known answer)");
        assertThatThrownBy(() -> KeyPairGenerator.getInstance("X-Wing", provider))
                .isInstanceOf(NoSuchAlgorithmException.class);
    }

    @Test
    void failedSelfTestLeavesOtherFamiliesWorking() throws Exception {
        SelfTest.recordForTesting(Family.X_WING, "X-Wing ct does not match its known answer");

        assertThat(KEM.getInstance("ML-KEM-768", new NanoPQProvider())).isNotNull();
    }
}
