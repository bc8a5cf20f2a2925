// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The modes' names, algorithms and the policy rule. */
class CryptoModeTest {

    @ParameterizedTest(name = "mode {0} under policy {1}: {2}")
    @CsvSource({
        "classical, classical, true",
        "hybrid,    classical, true",
        "quantum,   classical, true",
        "classical, hybrid,    false",
        "hybrid,    hybrid,    true",
        "quantum,   hybrid,    true",
        "classical, quantum,   false",
        "hybrid,    quantum,   false",
        "quantum,   quantum,   true"
    })
    void appliesThePolicyTable(String mode, String policy, boolean accepted) {
        assertThat(CryptoMode.fromWireName(mode).isAtLeast(CryptoMode.fromWireName(policy))).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({
        "CLASSICAL, classical, Ed25519,                X25519",
        "HYBRID,    hybrid,    MLDSA65-Ed25519-SHA512, X-Wing",
        "QUANTUM,   quantum,   ML-DSA-65,              ML-KEM-768"
    })
    void namesItsWireNameAndAlgorithms(CryptoMode mode, String wireName, String signature, String kem) {
        assertThat(mode.wireName()).isEqualTo(wireName);
        assertThat(mode.signatureAlgorithm()).isEqualTo(signature);
        assertThat(mode.kemAlgorithm()).isEqualTo(kem);
        assertThat(CryptoMode.fromWireName(wireName)).isEqualTo(mode);
        assertThat(CryptoMode.forSignatureAlgorithm(signature)).isEqualTo(Optional.of(mode));
        assertThat(CryptoMode.forKemAlgorithm(kem)).isEqualTo(Optional.of(mode));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Hybrid", "HYBRID", " hybrid", "post-quantum", "X-Wing"})
    void refusesAnythingButAnExactWireName(String name) {
        assertThatThrownBy(() -> CryptoMode.fromWireName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown crypto mode '" + name + "': expected classical, hybrid or quantum");
    }

    @Test
    void knowsNoModeForOtherAlgorithms() {
        assertThat(CryptoMode.forSignatureAlgorithm("ML-DSA-44")).isEmpty();
        assertThat(CryptoMode.forSignatureAlgorithm("X25519")).isEmpty();
        assertThat(CryptoMode.forKemAlgorithm("Ed25519")).isEmpty();
        assertThat(CryptoMode.forKemAlgorithm(null)).isEmpty();
    }

    @Test
    void matchesAlgorithmNamesInAnyCase() {
        assertThat(CryptoMode.forSignatureAlgorithm("ed25519")).isEqualTo(Optional.of(CryptoMode.CLASSICAL));
        assertThat(CryptoMode.forKemAlgorithm("x-wing")).isEqualTo(Optional.of(CryptoMode.HYBRID));
    }
}
