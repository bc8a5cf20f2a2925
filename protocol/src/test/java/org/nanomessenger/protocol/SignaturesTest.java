// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nanomessenger.crypto.provider.NanoPQProvider;

/** Identity keys of every mode sign and verify through NanoPQ; every public key decodes from its SPKI. */
class SignaturesTest {

    private static final Provider NANO = new NanoPQProvider();
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] INPUT = new Envelope(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"),
            "alice", "bob", CryptoMode.HYBRID, 1767225600000L, new byte[] {1, 2, 3}).signingInput();
    /** The raw public key of RFC 8032 §7.1 test 1. */
    private static final String ED25519_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void verifiesWhatTheIdentityKeySigned(CryptoMode mode) throws Exception {
        KeyPair identity = identityOf(mode);

        byte[] signature = Signatures.sign(identity.getPrivate(), INPUT);

        assertThat(Signatures.verify(identity.getPublic(), INPUT, signature)).isTrue();
        PublicKey decoded = Signatures.decodePublicKey(identity.getPublic().getEncoded());
        assertThat(Signatures.verify(decoded, INPUT, signature)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesASignatureWithAFlippedBit(CryptoMode mode) throws Exception {
        KeyPair identity = identityOf(mode);
        byte[] signature = Signatures.sign(identity.getPrivate(), INPUT);

        for (int index : new int[] {0, signature.length / 2, signature.length - 1}) {
            byte[] flipped = signature.clone();
            flipped[index] ^= 0x01;

            assertThat(Signatures.verify(identity.getPublic(), INPUT, flipped)).as("bit 0 of byte %d", index)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesASignatureOverAnInputWithAFlippedBit(CryptoMode mode) throws Exception {
        KeyPair identity = identityOf(mode);
        byte[] signature = Signatures.sign(identity.getPrivate(), INPUT);
        byte[] altered = INPUT.clone();
        altered[altered.length - 1] ^= 0x01;

        assertThat(Signatures.verify(identity.getPublic(), altered, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesASignatureMadeByAnotherKeyOfTheSameMode(CryptoMode mode) throws Exception {
        byte[] signature = Signatures.sign(identityOf(mode).getPrivate(), INPUT);

        assertThat(Signatures.verify(identityOf(mode).getPublic(), INPUT, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesASignatureMadeByAKeyOfAnotherMode(CryptoMode signer) throws Exception {
        byte[] signature = Signatures.sign(identityOf(signer).getPrivate(), INPUT);

        for (CryptoMode verifier : CryptoMode.values()) {
            if (verifier != signer) {
                assertThat(Signatures.verify(identityOf(verifier).getPublic(), INPUT, signature))
                        .as("%s signature under a %s key", signer, verifier).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void answersFalseForTruncatedOrEmptySignatures(CryptoMode mode) throws Exception {
        KeyPair identity = identityOf(mode);
        byte[] signature = Signatures.sign(identity.getPrivate(), INPUT);

        assertThat(Signatures.verify(identity.getPublic(), INPUT, Arrays.copyOf(signature, signature.length - 1)))
                .isFalse();
        assertThat(Signatures.verify(identity.getPublic(), INPUT, new byte[0])).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519", "X-Wing", "ML-KEM-768", "ML-DSA-44"})
    void refusesKeysThatAreNoIdentityKeys(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair();
        String message = "A " + algorithm + " key is not an identity key: "
                + "expected Ed25519, MLDSA65-Ed25519-SHA512 or ML-DSA-65";

        assertThatThrownBy(() -> Signatures.sign(pair.getPrivate(), INPUT))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessage(message);
        assertThatThrownBy(() -> Signatures.verify(pair.getPublic(), INPUT, new byte[64]))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessage(message);
    }

    @Test
    void turnsARefusedKeyIntoAProtocolException() throws Exception {
        PrivateKey destroyed = identityOf(CryptoMode.CLASSICAL).getPrivate();
        destroyed.destroy();
        PublicKey mislabelled = new ForeignPublicKey("Ed25519", identityOf(CryptoMode.QUANTUM).getPublic()
                .getEncoded());

        assertThatThrownBy(() -> Signatures.sign(destroyed, INPUT))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessage("NanoPQ refused the Ed25519 key: The Ed25519 private key has been destroyed");
        assertThatThrownBy(() -> Signatures.verify(mislabelled, INPUT, new byte[64]))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessageStartingWith("NanoPQ refused the Ed25519 key: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "X25519", "ML-DSA-65", "ML-KEM-768", "MLDSA65-Ed25519-SHA512", "X-Wing"})
    void decodesEachAlgorithmOfTheProtocolFromItsSpki(String algorithm) throws Exception {
        byte[] spki = KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair().getPublic().getEncoded();

        PublicKey decoded = Signatures.decodePublicKey(spki);

        assertThat(decoded.getAlgorithm()).isEqualTo(algorithm);
        assertThat(decoded.getEncoded()).isEqualTo(spki);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "X25519", "ML-DSA-65", "ML-KEM-768"})
    void decodesTheJdksEncodingsToo(String algorithm) throws Exception {
        // The JDK names these keys EdDSA, XDH, ML-DSA and ML-KEM; the decoded key has the standard name
        byte[] spki = KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPublic().getEncoded();

        PublicKey decoded = Signatures.decodePublicKey(spki);

        assertThat(decoded.getAlgorithm()).isEqualTo(algorithm);
        assertThat(decoded.getEncoded()).isEqualTo(spki);
    }

    @Test
    void decodesThePublishedEd25519Key() throws ProtocolException {
        PublicKey key = Signatures.decodePublicKey(HEX.parseHex("302a300506032b6570032100" + ED25519_KEY));

        assertThat(key.getAlgorithm()).isEqualTo("Ed25519");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''                                                  | truncated",
        "30                                                  | truncated",
        "3000                                                | truncated",
        "0000                                                | expected tag 0x30, got 0x00",
        "deadbeefdeadbeef                                    | expected tag 0x30, got 0xde",
        "302a300506032b6570032100d75a                        | length exceeds the input",
        "302a300506032b6570032100" + ED25519_KEY + "00       | the outer SEQUENCE does not span the whole input",
        "30812a300506032b6570032100" + ED25519_KEY + "       | length not in minimal form",
        "302a300504032b6570032100" + ED25519_KEY + "         | expected tag 0x06, got 0x04",
        "302730020600032100" + ED25519_KEY + "               | empty OID",
        "302a30050603806570032100" + ED25519_KEY + "         | OID subidentifier not in minimal form"
    })
    void refusesMalformedDer(String hex, String reason) {
        assertThatThrownBy(() -> Signatures.decodePublicKey(HEX.parseHex(hex.strip())))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessage("Malformed SubjectPublicKeyInfo: " + reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "302a300506032b6571032100" + ED25519_KEY,                   // 1.3.101.113, Ed448's OID
        "302b300606042b657001032100" + ED25519_KEY                  // 1.3.101.112.1
    })
    void refusesAlgorithmsOutsideTheProtocol(String hex) {
        assertThatThrownBy(() -> Signatures.decodePublicKey(HEX.parseHex(hex)))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessageStartingWith("Unsupported key algorithm OID 1.3.101.11")
                .hasMessageEndingWith(": expected Ed25519, X25519, ML-DSA-65, ML-KEM-768, MLDSA65-Ed25519-SHA512 "
                        + "or X-Wing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "ML-DSA-44", "ML-KEM-1024", "Ed448"})
    void refusesRealKeysOfOtherAlgorithms(String algorithm) throws Exception {
        Provider provider = algorithm.equals("RSA") || algorithm.equals("Ed448")
                ? KeyPairGenerator.getInstance(algorithm).getProvider() : NANO;
        byte[] spki = KeyPairGenerator.getInstance(algorithm, provider).generateKeyPair().getPublic().getEncoded();

        assertThatThrownBy(() -> Signatures.decodePublicKey(spki))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessageStartingWith("Unsupported key algorithm OID ");
    }

    @Test
    void refusesAKeyOfTheWrongLengthWithTheProvidersReason() {
        // An Ed25519 SPKI holding 31 bytes of key
        byte[] spki = HEX.parseHex("3029300506032b6570032000" + ED25519_KEY.substring(2));

        assertThatThrownBy(() -> Signatures.decodePublicKey(spki))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessageStartingWith("Invalid Ed25519 public key: ");
    }

    @Test
    void refusesAMissingKey() {
        assertThatThrownBy(() -> Signatures.decodePublicKey(null))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_KEY))
                .hasMessage("A public key is required");
    }

    private static KeyPair identityOf(CryptoMode mode) throws Exception {
        return KeyPairGenerator.getInstance(mode.signatureAlgorithm(), NANO).generateKeyPair();
    }

    /** A public key of another provider, whose name and encoding need not agree. */
    private record ForeignPublicKey(String algorithm, byte[] encoded) implements PublicKey {

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "X.509";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }
    }
}
