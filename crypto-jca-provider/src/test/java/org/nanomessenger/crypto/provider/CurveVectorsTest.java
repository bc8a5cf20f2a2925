// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.crypto.KEM;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nanomessenger.crypto.provider.internal.Hkdf;
import org.nanomessenger.crypto.provider.internal.bc.Curve25519;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;
import org.nanomessenger.crypto.provider.spec.RawKeySpec;

/**
 * X25519, Ed25519 and HKDF-SHA256 against Wycheproof (C2SP/wycheproof), and Ed25519 against the
 * CCTV edge cases, which carry no expected results: there the tests pin down NanoPQ's decisions
 * and where they differ from the JDK's own Ed25519.
 */
class CurveVectorsTest {

    private static final Provider NANO = new NanoPQProvider();
    private static final Provider SUN_EC = Security.getProvider("SunEC");
    private static final byte[] ZERO = new byte[32];
    /** The SubjectPublicKeyInfo of an Ed25519 key up to its 32 raw bytes (RFC 8410 §4). */
    private static final byte[] ED25519_SPKI_PREFIX = Vectors.hex("302a300506032b6570032100");
    private static final List<Case> RAW_X25519 = cases("x25519/x25519_test.json", c -> true).toList();

    /** One Wycheproof test with the group that holds it, named by its tcId and comment. */
    record Case(JsonNode group, JsonNode test) {

        String result() {
            return test.get("result").asText();
        }

        byte[] hex(String name) {
            return Vectors.hex(test, name);
        }

        boolean hasFlag(String flag) {
            return StreamSupport.stream(test.get("flags").spliterator(), false)
                    .anyMatch(f -> f.asText().equals(flag));
        }

        @Override
        public String toString() {
            return "tcId " + test.get("tcId").asInt() + " (" + result() + ") "
                    + test.get("comment").asText();
        }
    }

    /** How one CCTV case ends in one implementation. */
    enum Outcome {
        ACCEPTED, REJECTED, KEY_REFUSED
    }

    /** One CCTV Ed25519 edge case: key, signature and message, no expected result. */
    record CctvCase(int number, byte[] key, byte[] signature, byte[] message, List<String> flags) {

        static CctvCase of(JsonNode node) {
            List<String> flags = new ArrayList<>();
            node.get("flags").forEach(f -> flags.add(f.asText()));
            return new CctvCase(node.get("number").asInt(), Vectors.hex(node, "key"),
                    Vectors.hex(node, "sig"), node.get("msg").asText().getBytes(StandardCharsets.UTF_8),
                    flags);
        }

        @Override
        public String toString() {
            return "case " + number + " " + flags;
        }
    }

    static Stream<Case> cases(String path, Predicate<Case> filter) {
        List<Case> all = new ArrayList<>();
        for (JsonNode group : Vectors.json(path).get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                all.add(new Case(group, test));
            }
        }
        return all.stream().filter(filter);
    }

    // X25519 (RFC 7748) on raw keys: x25519_test.json

    static Stream<Case> x25519Valid() {
        return cases("x25519/x25519_test.json", c -> c.result().equals("valid"));
    }

    static Stream<Case> x25519ZeroShared() {
        return cases("x25519/x25519_test.json", c -> isZero(c.hex("shared")));
    }

    static Stream<Case> x25519AcceptableNonZero() {
        return cases("x25519/x25519_test.json",
                c -> c.result().equals("acceptable") && !isZero(c.hex("shared")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("x25519Valid")
    void x25519ComputesTheSharedSecretOfEveryValidCase(Case c) {
        byte[] shared = Curve25519.x25519(c.hex("private"), c.hex("public"));

        assertThat(shared).isEqualTo(c.hex("shared"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("x25519ZeroShared")
    void x25519RefusesEveryAllZeroSharedSecret(Case c) {
        // RFC 7748 §6.1 lets a protocol refuse the all-zero output; NanoPQ always does
        assertThat(Curve25519.x25519(c.hex("private"), c.hex("public"))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("x25519AcceptableNonZero")
    void x25519ComputesAcceptableTwistAndNonCanonicalCasesAsRfc7748Defines(Case c) {
        byte[] shared = Curve25519.x25519(c.hex("private"), c.hex("public"));

        assertThat(shared).isEqualTo(c.hex("shared"));
    }

    static Stream<String> x25519SmallOrderPublicKeys() {
        return x25519ZeroShared().map(c -> HexFormat.of().formatHex(c.hex("public"))).distinct();
    }

    @ParameterizedTest(name = "u = {0}")
    @MethodSource("x25519SmallOrderPublicKeys")
    void x25519KemRefusesSmallOrderRecipientKeyFromWycheproof(String smallOrder) throws Exception {
        PublicKey recipient = KeyFactory.getInstance("X25519", NANO)
                .generatePublic(new RawKeySpec(Vectors.hex(smallOrder)));
        KEM kem = KEM.getInstance("X25519", NANO);

        assertThatThrownBy(() -> kem.newEncapsulator(recipient))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("X25519 public key has small order: every shared secret would be zero");
    }

    // X25519 keys in X.509 and PKCS#8 (RFC 8410): x25519_asn_test.json

    static Stream<Case> x25519AsnDecodable() {
        return cases("x25519/x25519_asn_test.json", c -> !c.result().equals("invalid"));
    }

    static Stream<Case> x25519AsnInvalid() {
        return cases("x25519/x25519_asn_test.json", c -> c.result().equals("invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("x25519AsnDecodable")
    void x25519KeyFactoryDecodesWycheproofEncodingsToTheRawCase(Case c) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("X25519", NANO);
        byte[] spki = c.hex("public");
        byte[] pkcs8 = c.hex("private");

        NanoPublicKey publicKey = (NanoPublicKey) factory.generatePublic(new X509EncodedKeySpec(spki));
        NanoPrivateKey privateKey = (NanoPrivateKey) factory
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));

        Case raw = rawCaseWith(privateKey.secret(), publicKey.raw());
        assertThat(raw.hex("shared")).isEqualTo(c.hex("shared"));
        byte[] shared = Curve25519.x25519(privateKey.secret(), publicKey.raw());
        assertThat(shared).isEqualTo(isZero(c.hex("shared")) ? null : c.hex("shared"));
        assertThat(publicKey.getEncoded()).isEqualTo(spki);
        assertThat(privateKey.getEncoded()).isEqualTo(pkcs8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("x25519AsnInvalid")
    void x25519KeyFactoryRefusesInvalidWycheproofEncodings(Case c) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("X25519", NANO);

        if (c.hasFlag("MissingOctetString")) {
            // RFC 8410 §7: the PKCS#8 privateKey holds an OCTET STRING inside the OCTET STRING
            assertThatThrownBy(() -> factory.generatePrivate(new PKCS8EncodedKeySpec(c.hex("private"))))
                    .isInstanceOf(InvalidKeySpecException.class)
                    .hasMessageStartingWith("Malformed X25519 private key: expected DER tag 0x04");
        } else {
            assertThatThrownBy(() -> factory.generatePublic(new X509EncodedKeySpec(c.hex("public"))))
                    .isInstanceOf(InvalidKeySpecException.class)
                    .message().matches("Malformed SubjectPublicKeyInfo: "
                            + "algorithm parameters must be absent for .*"
                            + "|Key algorithm 1\\.3\\.101\\.111 is not X25519");
        }
    }

    private static Case rawCaseWith(byte[] privateKey, byte[] publicKey) {
        return RAW_X25519.stream()
                .filter(c -> Arrays.equals(c.hex("private"), privateKey)
                        && Arrays.equals(c.hex("public"), publicKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No raw x25519_test.json case has these keys"));
    }

    // Ed25519 (RFC 8032): ed25519_test.json

    static Stream<Case> ed25519Valid() {
        return cases("ed25519/ed25519_test.json", c -> c.result().equals("valid"));
    }

    static Stream<Case> ed25519Invalid() {
        return cases("ed25519/ed25519_test.json", c -> c.result().equals("invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ed25519Valid")
    void ed25519AcceptsEveryValidWycheproofSignature(Case c) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519", NANO)
                .generatePublic(new X509EncodedKeySpec(Vectors.hex(c.group(), "publicKeyDer")));

        assertThat(((NanoPublicKey) key).raw()).isEqualTo(Vectors.hex(c.group().get("publicKey"), "pk"));
        assertThat(verify(NANO, key, c.hex("msg"), c.hex("sig"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ed25519Invalid")
    void ed25519RejectsEveryInvalidWycheproofSignature(Case c) {
        byte[] spki = Vectors.hex(c.group(), "publicKeyDer");

        assertThat(outcome(NANO, spki, c.hex("msg"), c.hex("sig"))).isNotEqualTo(Outcome.ACCEPTED);
    }

    // Ed25519 edge cases without expected results: cctv-ed25519vectors.json

    static Stream<CctvCase> cctvCases() {
        return StreamSupport.stream(Vectors.json("ed25519/cctv-ed25519vectors.json").spliterator(), false)
                .map(CctvCase::of);
    }

    @Test
    void cctvEdgeCaseOutcomesArePinned() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

        cctvCases().forEach(c -> counts.merge(nanoPqOutcome(c), 1, Integer::sum));

        assertThat(counts).isEqualTo(
                Map.of(Outcome.ACCEPTED, 212, Outcome.REJECTED, 176, Outcome.KEY_REFUSED, 526));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cctvCases")
    void cctvEdgeCaseIsDecidedByLowOrderKeyThenNonCanonicalR(CctvCase c) {
        // The KeyFactory refuses a small-order A (Bouncy Castle's partial public key validation);
        // verification refuses a non-canonical R and checks the cofactored equation (RFC 8032
        // §5.1.7), so a low-order residue alone does not make it reject.
        Outcome expected = c.flags().contains("low_order_A") ? Outcome.KEY_REFUSED
                : c.flags().contains("non_canonical_R") ? Outcome.REJECTED
                : Outcome.ACCEPTED;

        assertThat(nanoPqOutcome(c)).isEqualTo(expected);
    }

    /**
     * NanoPQ (Bouncy Castle) and SunEC disagree on 212 of the 914 CCTV cases, in two ways, both
     * allowed by RFC 8032 and neither reachable by an honest signer: SunEC checks the cofactorless
     * equation and so rejects signatures with a low-order residue that NanoPQ's cofactored check
     * accepts; and NanoPQ refuses small-order public keys that SunEC takes. This pins that the
     * difference stays exactly these two kinds.
     */
    @Test
    void cctvEdgeCasesDifferFromSunEcOnlyInCofactorAndSmallOrderKeyPolicy() {
        Map<String, Integer> differences = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();

        cctvCases().forEach(c -> {
            boolean nano = nanoPqOutcome(c) == Outcome.ACCEPTED;
            boolean sunEc = outcome(SUN_EC, spki(c.key()), c.message(), c.signature()) == Outcome.ACCEPTED;
            if (nano && !sunEc) {
                differences.merge("accepted only by NanoPQ", 1, Integer::sum);
                if (!c.flags().contains("low_order_residue")) {
                    unexplained.add(c + " accepted only by NanoPQ");
                }
            } else if (sunEc && !nano) {
                differences.merge("accepted only by SunEC", 1, Integer::sum);
                if (!c.flags().contains("low_order_A")) {
                    unexplained.add(c + " accepted only by SunEC");
                }
            }
        });

        assertThat(unexplained).isEmpty();
        assertThat(differences).isEqualTo(
                Map.of("accepted only by NanoPQ", 126, "accepted only by SunEC", 86));
    }

    private static Outcome nanoPqOutcome(CctvCase c) {
        return outcome(NANO, spki(c.key()), c.message(), c.signature());
    }

    private static byte[] spki(byte[] rawKey) {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + rawKey.length);
        System.arraycopy(rawKey, 0, spki, ED25519_SPKI_PREFIX.length, rawKey.length);
        return spki;
    }

    /** Decodes the key with the provider's KeyFactory and verifies with its Signature. */
    private static Outcome outcome(Provider provider, byte[] spki, byte[] message, byte[] signature) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("Ed25519", provider).generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException e) {
            return Outcome.KEY_REFUSED;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        try {
            return verify(provider, key, message, signature) ? Outcome.ACCEPTED : Outcome.REJECTED;
        } catch (InvalidKeyException e) {
            return Outcome.KEY_REFUSED;
        } catch (SignatureException e) {
            return Outcome.REJECTED;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean verify(Provider provider, PublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519", provider);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    // HKDF-SHA256 (RFC 5869): hkdf_sha256_test.json

    static Stream<Case> hkdfValid() {
        return cases("hkdf/hkdf_sha256_test.json", c -> c.result().equals("valid"));
    }

    static Stream<Case> hkdfInvalid() {
        return cases("hkdf/hkdf_sha256_test.json", c -> c.result().equals("invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hkdfValid")
    void hkdfSha256DerivesTheWycheproofOutput(Case c) {
        byte[] prk = Hkdf.extract(c.hex("salt"), c.hex("ikm"));

        byte[] okm = Hkdf.expand(prk, c.hex("info"), c.test().get("size").asInt());

        assertThat(okm).isEqualTo(c.hex("okm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hkdfInvalid")
    void hkdfSha256RefusesOutputLongerThan255Blocks(Case c) {
        byte[] prk = Hkdf.extract(c.hex("salt"), c.hex("ikm"));
        int size = c.test().get("size").asInt();

        assertThatThrownBy(() -> Hkdf.expand(prk, c.hex("info"), size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HKDF-SHA256 output length must be 0 to 8160 bytes, got " + size);
    }

    private static boolean isZero(byte[] value) {
        return Arrays.equals(value, ZERO);
    }
}
