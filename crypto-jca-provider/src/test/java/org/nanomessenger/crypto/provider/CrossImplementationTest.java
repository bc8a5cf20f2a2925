// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.stream.Stream;

import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;

/**
 * NanoPQ against an implementation it does not use as its backend, in both directions: keys made
 * by one are encoded and decoded by the other's KeyFactory, one encapsulates or signs and the
 * other decapsulates or verifies. NanoPQ runs ML-KEM and ML-DSA on the JDK, so those meet Bouncy
 * Castle; it runs X25519 and Ed25519 on Bouncy Castle, so those meet the JDK (SunEC, and SunJCE's
 * RFC 9180 DHKEM for the X25519 KEM). X-Wing and the composite meet Bouncy Castle's own.
 */
class CrossImplementationTest {

    private static final Provider NANO = new NanoPQProvider();
    private static final Provider BC = new BouncyCastleProvider();
    private static final Provider SUN_EC = Security.getProvider("SunEC");
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");
    private static final byte[] MESSAGE = "NanoPQ meets another implementation"
            .getBytes(StandardCharsets.UTF_8);

    private static boolean registeredBouncyCastle;

    /** Where a key pair was generated. */
    enum Origin {
        NANO_PQ, OTHER
    }

    /**
     * One algorithm under NanoPQ's name and under the other implementation's names, for keys
     * (KeyPairGenerator, KeyFactory) and for the service (KEM or Signature).
     */
    record Peer(String algorithm, String keyName, Provider keyProvider, String serviceName,
            Provider serviceProvider) {

        static Peer bouncyCastle(String algorithm, String bcName) {
            return new Peer(algorithm, bcName, BC, bcName, BC);
        }

        @Override
        public String toString() {
            return algorithm + " vs " + serviceProvider.getName() + " " + serviceName;
        }
    }

    @BeforeAll
    static void registerBouncyCastle() {
        // BC's composite KeyPairGenerator finds its component generators under the provider name "BC"
        if (Security.getProvider(BC.getName()) == null) {
            Security.addProvider(BC);
            registeredBouncyCastle = true;
        }
    }

    @AfterAll
    static void unregisterBouncyCastle() {
        if (registeredBouncyCastle) {
            Security.removeProvider(BC.getName());
        }
    }

    static Stream<Peer> kems() {
        return Stream.of(
                Peer.bouncyCastle("ML-KEM-512", "ML-KEM-512"),
                Peer.bouncyCastle("ML-KEM-768", "ML-KEM-768"),
                Peer.bouncyCastle("ML-KEM-1024", "ML-KEM-1024"),
                new Peer("X25519", "X25519", SUN_EC, "DHKEM", SUN_JCE),
                Peer.bouncyCastle("X-Wing", "X-WING"));
    }

    static Stream<Peer> signatures() {
        return Stream.of(
                Peer.bouncyCastle("ML-DSA-44", "ML-DSA-44"),
                Peer.bouncyCastle("ML-DSA-65", "ML-DSA-65"),
                Peer.bouncyCastle("ML-DSA-87", "ML-DSA-87"),
                new Peer("Ed25519", "Ed25519", SUN_EC, "Ed25519", SUN_EC),
                Peer.bouncyCastle("MLDSA65-Ed25519-SHA512", "MLDSA65-Ed25519-SHA512"),
                // Bouncy Castle is also NanoPQ's SLH-DSA backend, so these check encodings and
                // wiring only; the ACVP vectors carry the check of the algorithm itself.
                Peer.bouncyCastle("SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128S"),
                Peer.bouncyCastle("SLH-DSA-SHA2-128f", "SLH-DSA-SHA2-128F"),
                Peer.bouncyCastle("SLH-DSA-SHAKE-128f", "SLH-DSA-SHAKE-128F"));
    }

    static Stream<Arguments> kemsFromBothOrigins() {
        return withBothOrigins(kems());
    }

    static Stream<Arguments> signaturesFromBothOrigins() {
        return withBothOrigins(signatures());
    }

    static Stream<Arguments> everyAlgorithmFromBothOrigins() {
        return withBothOrigins(Stream.concat(kems(), signatures()));
    }

    static Stream<Peer> everyAlgorithm() {
        return Stream.concat(kems(), signatures());
    }

    private static Stream<Arguments> withBothOrigins(Stream<Peer> peers) {
        return peers.flatMap(p -> Stream.of(Arguments.of(p, Origin.NANO_PQ),
                Arguments.of(p, Origin.OTHER)));
    }

    @ParameterizedTest(name = "{0}, keys from {1}")
    @MethodSource("everyAlgorithmFromBothOrigins")
    void publicKeyEncodingSurvivesTheOtherKeyFactoryUnchanged(Peer peer, Origin origin) throws Exception {
        KeyPair pair = generate(peer, origin);
        byte[] encoded = pair.getPublic().getEncoded();

        PublicKey decoded = origin == Origin.NANO_PQ ? otherPublic(peer, origin, pair)
                : nanoPublic(peer, origin, pair);

        assertThat(decoded.getEncoded()).isEqualTo(encoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAlgorithm")
    void privateKeyFromTheOtherImplementationDecodesInNanoPqWithItsPublicKey(Peer peer) throws Exception {
        KeyPair pair = generate(peer, Origin.OTHER);

        NanoPrivateKey privateKey = (NanoPrivateKey) nanoPrivate(peer, Origin.OTHER, pair);

        assertThat(privateKey.publicKey()).isEqualTo(nanoPublic(peer, Origin.OTHER, pair));
    }

    @ParameterizedTest(name = "{0}, keys from {1}")
    @MethodSource("kemsFromBothOrigins")
    void kemCiphertextFromNanoPqDecapsulatesInTheOtherImplementation(Peer peer, Origin origin)
            throws Exception {
        KeyPair pair = generate(peer, origin);

        KEM.Encapsulated sent = KEM.getInstance(peer.algorithm(), NANO)
                .newEncapsulator(nanoPublic(peer, origin, pair)).encapsulate();
        SecretKey received = KEM.getInstance(peer.serviceName(), peer.serviceProvider())
                .newDecapsulator(otherPrivate(peer, origin, pair)).decapsulate(sent.encapsulation());

        assertThat(received.getEncoded()).isEqualTo(sent.key().getEncoded());
    }

    @ParameterizedTest(name = "{0}, keys from {1}")
    @MethodSource("kemsFromBothOrigins")
    void kemCiphertextFromTheOtherImplementationDecapsulatesInNanoPq(Peer peer, Origin origin)
            throws Exception {
        KeyPair pair = generate(peer, origin);

        KEM.Encapsulated sent = KEM.getInstance(peer.serviceName(), peer.serviceProvider())
                .newEncapsulator(otherPublic(peer, origin, pair)).encapsulate();
        SecretKey received = KEM.getInstance(peer.algorithm(), NANO)
                .newDecapsulator(nanoPrivate(peer, origin, pair)).decapsulate(sent.encapsulation());

        assertThat(received.getEncoded()).isEqualTo(sent.key().getEncoded());
    }

    @ParameterizedTest(name = "{0}, keys from {1}")
    @MethodSource("signaturesFromBothOrigins")
    void signatureFromNanoPqVerifiesInTheOtherImplementation(Peer peer, Origin origin) throws Exception {
        KeyPair pair = generate(peer, origin);

        byte[] signature = sign(Signature.getInstance(peer.algorithm(), NANO),
                nanoPrivate(peer, origin, pair));
        Signature verifier = Signature.getInstance(peer.serviceName(), peer.serviceProvider());

        assertThat(verify(verifier, otherPublic(peer, origin, pair), MESSAGE, signature)).isTrue();
        assertThat(verify(verifier, otherPublic(peer, origin, pair), otherMessage(), signature)).isFalse();
    }

    @ParameterizedTest(name = "{0}, keys from {1}")
    @MethodSource("signaturesFromBothOrigins")
    void signatureFromTheOtherImplementationVerifiesInNanoPq(Peer peer, Origin origin) throws Exception {
        KeyPair pair = generate(peer, origin);

        byte[] signature = sign(Signature.getInstance(peer.serviceName(), peer.serviceProvider()),
                otherPrivate(peer, origin, pair));
        Signature verifier = Signature.getInstance(peer.algorithm(), NANO);

        assertThat(verify(verifier, nanoPublic(peer, origin, pair), MESSAGE, signature)).isTrue();
        assertThat(verify(verifier, nanoPublic(peer, origin, pair), otherMessage(), signature)).isFalse();
    }

    @ParameterizedTest(name = "keys from {1}")
    @MethodSource("ed25519FromBothOrigins")
    void ed25519SignatureFromNanoPqEqualsTheJdksForTheSameKey(Peer peer, Origin origin) throws Exception {
        KeyPair pair = generate(peer, origin);

        // RFC 8032 Ed25519 is deterministic: the same key and message give the same signature
        byte[] nano = sign(Signature.getInstance(peer.algorithm(), NANO), nanoPrivate(peer, origin, pair));
        byte[] jdk = sign(Signature.getInstance(peer.serviceName(), SUN_EC),
                otherPrivate(peer, origin, pair));

        assertThat(nano).isEqualTo(jdk);
    }

    static Stream<Arguments> ed25519FromBothOrigins() {
        return withBothOrigins(signatures().filter(p -> p.algorithm().equals("Ed25519")));
    }

    private static KeyPair generate(Peer peer, Origin origin) throws GeneralSecurityException {
        KeyPairGenerator generator = origin == Origin.NANO_PQ
                ? KeyPairGenerator.getInstance(peer.algorithm(), NANO)
                : KeyPairGenerator.getInstance(peer.keyName(), peer.keyProvider());
        return generator.generateKeyPair();
    }

    /** The public key for NanoPQ: its own, or the other's decoded by NanoPQ's KeyFactory. */
    private static PublicKey nanoPublic(Peer peer, Origin origin, KeyPair pair)
            throws GeneralSecurityException {
        if (origin == Origin.NANO_PQ) {
            return pair.getPublic();
        }
        return KeyFactory.getInstance(peer.algorithm(), NANO)
                .generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
    }

    private static PrivateKey nanoPrivate(Peer peer, Origin origin, KeyPair pair)
            throws GeneralSecurityException {
        if (origin == Origin.NANO_PQ) {
            return pair.getPrivate();
        }
        return KeyFactory.getInstance(peer.algorithm(), NANO)
                .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
    }

    /** The public key for the other implementation: its own, or NanoPQ's decoded by its KeyFactory. */
    private static PublicKey otherPublic(Peer peer, Origin origin, KeyPair pair)
            throws GeneralSecurityException {
        if (origin == Origin.OTHER) {
            return pair.getPublic();
        }
        return KeyFactory.getInstance(peer.keyName(), peer.keyProvider())
                .generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
    }

    private static PrivateKey otherPrivate(Peer peer, Origin origin, KeyPair pair)
            throws GeneralSecurityException {
        if (origin == Origin.OTHER) {
            return pair.getPrivate();
        }
        return KeyFactory.getInstance(peer.keyName(), peer.keyProvider())
                .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
    }

    private static byte[] sign(Signature signer, PrivateKey key) throws GeneralSecurityException {
        signer.initSign(key);
        signer.update(MESSAGE);
        return signer.sign();
    }

    private static boolean verify(Signature verifier, PublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static byte[] otherMessage() {
        byte[] other = MESSAGE.clone();
        other[0] ^= 0x01;
        return other;
    }
}
