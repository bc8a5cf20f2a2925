// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nanomessenger.crypto.provider.spec.RawKeySpec;

/** Every kind of bad input gets the standard JCA exception with a message that says what is wrong. */
class BadInputTest {

    private static final Provider NANO = new NanoPQProvider();

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X25519", "X-Wing"})
    void refusesTruncatedEncapsulation(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair();
        KEM.Decapsulator decapsulator = KEM.getInstance(algorithm, NANO).newDecapsulator(pair.getPrivate());
        byte[] truncated = new byte[decapsulator.encapsulationSize() - 1];

        assertThatThrownBy(() -> decapsulator.decapsulate(truncated))
                .isInstanceOf(DecapsulateException.class)
                .hasMessage(algorithm + " encapsulation must be " + decapsulator.encapsulationSize() + " bytes, got "
                        + truncated.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "Ed25519", "MLDSA65-Ed25519-SHA512",
        "SLH-DSA-SHA2-128f"})
    void refusesTruncatedSignature(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair();
        Signature signer = Signature.getInstance(algorithm, NANO);
        signer.initSign(pair.getPrivate());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        signer.initVerify(pair.getPublic());
        signer.update(new byte[] {1, 2, 3});

        assertThatThrownBy(() -> signer.verify(Arrays.copyOf(signature, signature.length - 1)))
                .isInstanceOf(SignatureException.class)
                .hasMessage(algorithm + " signature must be " + signature.length + " bytes, got "
                        + (signature.length - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-768", "X25519", "X-Wing", "ML-DSA-65", "Ed25519", "MLDSA65-Ed25519-SHA512",
        "SLH-DSA-SHA2-128s"})
    void refusesRawPublicKeyOfWrongLength(String algorithm) throws Exception {
        KeyFactory factory = KeyFactory.getInstance(algorithm, NANO);

        assertThatThrownBy(() -> factory.generatePublic(new RawKeySpec(new byte[31])))
                .isInstanceOf(InvalidKeySpecException.class)
                .hasMessageStartingWith(algorithm + " public key must be ")
                .hasMessageEndingWith(" bytes, got 31");
    }

    @Test
    void refusesPrivateKeyOfWrongLengthNamingBothForms() throws Exception {
        KeyFactory factory = KeyFactory.getInstance("ML-KEM-768", NANO);

        assertThatThrownBy(() -> factory.generatePrivate(new RawKeySpec(new byte[63])))
                .isInstanceOf(InvalidKeySpecException.class)
                .hasMessage("ML-KEM-768 private key must be 64 (seed) or 2400 bytes, got 63");
    }

    @Test
    void refusesKeyOfAnotherParameterSet() throws Exception {
        KeyPair mlKem512 = KeyPairGenerator.getInstance("ML-KEM-512", NANO).generateKeyPair();
        KEM mlKem768 = KEM.getInstance("ML-KEM-768", NANO);

        assertThatThrownBy(() -> mlKem768.newEncapsulator(mlKem512.getPublic()))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("Expected a ML-KEM-768 key, got ML-KEM-512");
    }

    @Test
    void refusesEncodingOfAnotherAlgorithm() throws Exception {
        byte[] ed25519 = KeyPairGenerator.getInstance("Ed25519", NANO).generateKeyPair().getPublic().getEncoded();
        KeyFactory factory = KeyFactory.getInstance("ML-DSA-65", NANO);

        assertThatThrownBy(() -> factory.generatePublic(new X509EncodedKeySpec(ed25519)))
                .isInstanceOf(InvalidKeySpecException.class)
                .hasMessage("Key algorithm 1.3.101.112 is not ML-DSA-65");
    }

    @Test
    void refusesForeignKeyTypeWithItsName() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Signature signature = Signature.getInstance("ML-DSA-65", NANO);

        assertThatThrownBy(() -> signature.initVerify(rsa.getPublic()))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("Expected a ML-DSA-65 public key, got RSA key (sun.security.rsa.RSAPublicKeyImpl)");
    }

    @Test
    void refusesNullKey() throws Exception {
        Signature signature = Signature.getInstance("Ed25519", NANO);

        assertThatThrownBy(() -> signature.initSign(null))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("Expected a Ed25519 private key, got null");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 20, 40})
    void refusesTruncatedPkcs8(int length) throws Exception {
        byte[] encoded = KeyPairGenerator.getInstance("X-Wing", NANO).generateKeyPair().getPrivate().getEncoded();
        KeyFactory factory = KeyFactory.getInstance("X-Wing", NANO);

        assertThatThrownBy(() -> factory.generatePrivate(new PKCS8EncodedKeySpec(Arrays.copyOf(encoded, length))))
                .isInstanceOf(InvalidKeySpecException.class)
                .hasMessageStartingWith("Malformed PKCS#8 private key: ");
    }

    @Test
    void refusesSpkiWithTrailingBytes() throws Exception {
        byte[] encoded = KeyPairGenerator.getInstance("X25519", NANO).generateKeyPair().getPublic().getEncoded();
        KeyFactory factory = KeyFactory.getInstance("X25519", NANO);

        assertThatThrownBy(() -> factory.generatePublic(new X509EncodedKeySpec(Arrays.copyOf(encoded, 50))))
                .isInstanceOf(InvalidKeySpecException.class)
                .hasMessage("Malformed SubjectPublicKeyInfo: trailing bytes after DER element");
    }

    @Test
    void refusesMlKemPublicKeyFailingModulusCheck() throws Exception {
        byte[] raw = ((org.nanomessenger.crypto.provider.key.NanoPublicKey) KeyPairGenerator
                .getInstance("ML-KEM-768", NANO).generateKeyPair().getPublic()).raw();
        raw[0] = (byte) 0xff;
        raw[1] = (byte) 0x0f;

        assertThatThrownBy(() -> KeyFactory.getInstance("ML-KEM-768", NANO).generatePublic(new RawKeySpec(raw)))
                .isInstanceOf(InvalidKeySpecException.class)
                .hasMessage("ML-KEM-768 public key fails the FIPS 203 modulus check (a coefficient is not below q)");
    }

    @Test
    void refusesSmallOrderX25519RecipientKey() throws Exception {
        // u = 0 has order 1 (RFC 7748 §5): every DH output with it is zero
        var smallOrder = KeyFactory.getInstance("X25519", NANO).generatePublic(new RawKeySpec(new byte[32]));

        assertThatThrownBy(() -> KEM.getInstance("X25519", NANO).newEncapsulator(smallOrder))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("X25519 public key has small order: every shared secret would be zero");
    }

    @Test
    void refusesSmallOrderX25519Encapsulation() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("X25519", NANO).generateKeyPair();
        KEM.Decapsulator decapsulator = KEM.getInstance("X25519", NANO).newDecapsulator(pair.getPrivate());

        assertThatThrownBy(() -> decapsulator.decapsulate(new byte[32]))
                .isInstanceOf(DecapsulateException.class)
                .hasMessage("X25519 encapsulation has small order: the shared secret would be zero");
    }

    @Test
    void refusesKemParameters() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("X-Wing", NANO).generateKeyPair();

        assertThatThrownBy(() -> KEM.getInstance("X-Wing", NANO).newEncapsulator(pair.getPublic(),
                new NamedParameterSpec("X25519"), null))
                .isInstanceOf(InvalidAlgorithmParameterException.class)
                .hasMessageStartingWith("NanoPQ KEMs take no parameters");
    }

    @Test
    void refusesSigningBeforeInitialisation() throws Exception {
        Signature signature = Signature.getInstance("ML-DSA-65", NANO);

        assertThatThrownBy(() -> signature.update(new byte[1])).isInstanceOf(SignatureException.class);
    }

    @Test
    void refusesKeySizeForFixedParameterSets() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM", NANO);

        assertThatThrownBy(() -> generator.initialize(2048))
                .isInstanceOf(java.security.InvalidParameterException.class)
                .hasMessageContaining("use a NamedParameterSpec");
    }

    @Test
    void familyGeneratorSwitchesParameterSetByName() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-DSA", NANO);
        generator.initialize(new NamedParameterSpec("ML-DSA-87"));

        assertThat(generator.generateKeyPair().getPublic().getAlgorithm()).isEqualTo("ML-DSA-87");
    }

    @Test
    void decapsulationRejectsModifiedCiphertextImplicitly() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("ML-KEM-768", NANO).generateKeyPair();
        KEM kem = KEM.getInstance("ML-KEM-768", NANO);
        KEM.Encapsulated sent = kem.newEncapsulator(pair.getPublic()).encapsulate();
        byte[] modified = sent.encapsulation();
        modified[0] ^= 1;

        // FIPS 203 Alg. 18: a modified ciphertext yields a pseudo-random key, not an error
        byte[] received = kem.newDecapsulator(pair.getPrivate()).decapsulate(modified).getEncoded();
        assertThat(received).hasSize(32).isNotEqualTo(sent.key().getEncoded());
    }
}
