// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.HexFormat;

import javax.crypto.KEM;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;
import org.nanomessenger.crypto.provider.spec.RawKeySpec;

/** Private keys can be destroyed, never print their secret, and keys round-trip through every spec. */
class KeyHygieneTest {

    private static final Provider NANO = new NanoPQProvider();
    private static final String ALL = "ML-KEM-768,X25519,X-Wing,ML-DSA-65,Ed25519,MLDSA65-Ed25519-SHA512";

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X25519", "X-Wing", "ML-DSA-44", "ML-DSA-65",
        "ML-DSA-87", "Ed25519", "MLDSA65-Ed25519-SHA512", "SLH-DSA-SHA2-128f"})
    void privateKeyPrintsOnlyThePublicFingerprint(String algorithm) throws Exception {
        NanoPrivateKey key = (NanoPrivateKey) KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair()
                .getPrivate();
        byte[] secret = key.secret();
        String text = key.toString();

        assertThat(text).isEqualTo("NanoPQ " + algorithm + " private key of public key "
                + key.publicKey().fingerprint());
        assertThat(text).doesNotContain(HexFormat.of().formatHex(secret, 0, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-768", "X-Wing", "ML-DSA-65", "Ed25519", "MLDSA65-Ed25519-SHA512"})
    void destroyZeroesTheKeyAndBarsItsUse(String algorithm) throws Exception {
        NanoPrivateKey key = (NanoPrivateKey) KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair()
                .getPrivate();

        key.destroy();

        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.toString()).endsWith("(destroyed)");
        assertThatThrownBy(key::getEncoded).isInstanceOf(IllegalStateException.class)
                .hasMessage("This " + algorithm + " private key has been destroyed");
        assertThatThrownBy(() -> use(algorithm, key)).isInstanceOf(InvalidKeyException.class)
                .hasMessage("The " + algorithm + " private key has been destroyed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-768", "X25519", "X-Wing", "ML-DSA-65", "Ed25519", "MLDSA65-Ed25519-SHA512"})
    void keysRoundTripThroughRawSpecs(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair();
        KeyFactory factory = KeyFactory.getInstance(algorithm, NANO);

        RawKeySpec rawPublic = factory.getKeySpec(pair.getPublic(), RawKeySpec.class);
        RawKeySpec rawPrivate = factory.getKeySpec(pair.getPrivate(), RawKeySpec.class);

        assertThat(factory.generatePublic(rawPublic)).isEqualTo(pair.getPublic());
        NanoPrivateKey copy = (NanoPrivateKey) factory.generatePrivate(rawPrivate);
        assertThat(copy.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(copy.publicKey()).isEqualTo(pair.getPublic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-768", "ML-DSA-65"})
    void seedIsTheRawPrivateKeyWhenKnown(String algorithm) throws Exception {
        NanoPrivateKey key = (NanoPrivateKey) KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair()
                .getPrivate();

        RawKeySpec raw = KeyFactory.getInstance(algorithm, NANO).getKeySpec(key, RawKeySpec.class);

        assertThat(raw.getKey()).isEqualTo(key.seed());
    }

    @ParameterizedTest
    @ValueSource(strings = {ALL})
    void publicKeysOfOneValueAreEqual(String algorithms) throws Exception {
        for (String algorithm : algorithms.split(",")) {
            NanoPublicKey key = (NanoPublicKey) KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair()
                    .getPublic();
            NanoPublicKey copy = (NanoPublicKey) KeyFactory.getInstance(algorithm, NANO)
                    .generatePublic(new RawKeySpec(key.raw()));

            assertThat(copy).isEqualTo(key).hasSameHashCodeAs(key);
            assertThat(copy.toString()).isEqualTo("NanoPQ " + algorithm + " public key " + key.fingerprint());
        }
    }

    private static void use(String algorithm, NanoPrivateKey key) throws Exception {
        if (algorithm.startsWith("ML-KEM") || algorithm.equals("X-Wing")) {
            KEM.getInstance(algorithm, NANO).newDecapsulator(key);
        } else {
            Signature.getInstance(algorithm, NANO).initSign(key);
        }
    }
}
