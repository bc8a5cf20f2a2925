// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nanomessenger.crypto.provider.spec.RawKeySpec;

/**
 * ML-DSA (FIPS 204) through the standard JCA API of NanoPQ against NIST's ACVP keyGen vectors for
 * all three parameter sets, Wycheproof's ML-DSA-65 signing and verification files and the ACVP
 * ML-DSA-65 sigVer vectors. JCA reaches only pure ML-DSA with the empty context, so vectors with a
 * context, a bare mu or the internal or pre-hash interface are skipped, each with its reason.
 */
class MlDsaVectorsTest {

    private static final Provider NANO = new NanoPQProvider();
    private static final String ML_DSA_65 = "ML-DSA-65";
    private static final String SIGN_SEED = "mldsa_65_sign_seed_test.json";
    private static final String SIGN_NOSEED = "mldsa_65_sign_noseed_test.json";
    private static final String VERIFY = "mldsa_65_verify_test.json";
    private static final String ACVP_SIG_VER = "ML-DSA-sigVer-FIPS204.%s.ML-DSA-65.json";

    /** Why vectors cannot go through JCA, with how many of their kind each file set holds. */
    private static final String CONTEXT_SKIP = "non-empty context (%d bytes): NanoPQ's ML-DSA signs and verifies "
            + "with the empty context only, JCA has no context parameter; %d of the %d %s vectors are skipped "
            + "for this";
    private static final String MU_SKIP = "no message, only mu: ML-DSA.Sign_internal on mu is not reachable "
            + "through JCA; %d of the %d signing vectors are skipped for this";

    private static final List<WycheproofTest> SIGNING = Stream.concat(wycheproof(SIGN_SEED), wycheproof(SIGN_NOSEED))
            .toList();
    private static final List<WycheproofTest> VERIFYING = wycheproof(VERIFY).toList();
    private static final List<SigVer> SIG_VER = acvpSigVer();

    /** How one verification ends. */
    enum Outcome {
        ACCEPTED, REJECTED, KEY_REFUSED, SIGNATURE_REFUSED
    }

    /** How a vector that must fail is refused. */
    record Refusal(Class<? extends GeneralSecurityException> type, String message) {
    }

    /** One test of a Wycheproof file, with its group. */
    record WycheproofTest(String file, JsonNode group, JsonNode test) {

        String result() {
            return test.get("result").asText();
        }

        List<String> flags() {
            List<String> flags = new ArrayList<>();
            test.get("flags").forEach(f -> flags.add(f.asText()));
            return flags;
        }

        byte[] hex(String name) {
            return Vectors.hex(test, name);
        }

        byte[] context() {
            return hex("ctx");
        }

        /** The private key: the seed in sign_seed, the expanded key in sign_noseed. */
        byte[] privateKey() {
            return Vectors.hex(group, group.has("privateSeed") ? "privateSeed" : "privateKey");
        }

        byte[] publicKey() {
            return Vectors.hex(group, "publicKey");
        }

        String name() {
            String file = this.file.substring(0, this.file.length() - ".json".length());
            return file + " tcId " + test.get("tcId").asInt() + " (" + result() + ") "
                    + test.get("comment").asText() + " " + flags();
        }
    }

    /** One ACVP sigVer test: the prompt's group and test with the expected result. */
    record SigVer(JsonNode group, JsonNode test, boolean passed) {

        boolean external() {
            return group.get("signatureInterface").asText().equals("external");
        }

        boolean pure() {
            return group.path("preHash").asText().equals("pure");
        }

        byte[] context() {
            return Vectors.hex(test, "context");
        }

        String name() {
            return "ACVP tgId " + group.get("tgId").asInt() + " tcId " + test.get("tcId").asInt() + " "
                    + group.get("signatureInterface").asText() + "/" + group.path("preHash").asText("-")
                    + ", context " + context().length + " bytes (" + (passed ? "valid" : "invalid") + ")";
        }
    }

    static Stream<WycheproofTest> wycheproof(String file) {
        List<WycheproofTest> all = new ArrayList<>();
        for (JsonNode group : Vectors.json("ml-dsa/" + file).get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                all.add(new WycheproofTest(file, group, test));
            }
        }
        return all.stream();
    }

    // Key generation: FIPS 204 Alg. 6 ML-DSA.KeyGen_internal(xi), xi drawn from the SecureRandom

    static Stream<Arguments> keyGenVectors() {
        List<Arguments> all = new ArrayList<>();
        for (JsonNode group : Vectors.json("ml-dsa/ML-DSA-keyGen-FIPS204.internalProjection.json").get("testGroups")) {
            String parameterSet = group.get("parameterSet").asText();
            for (JsonNode test : group.get("tests")) {
                all.add(Arguments.argumentSet("ACVP tgId " + group.get("tgId").asInt() + " tcId "
                        + test.get("tcId").asInt() + " " + parameterSet, parameterSet,
                        Vectors.hex(test, "seed"), Vectors.hex(test, "pk"), Vectors.hex(test, "sk")));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("keyGenVectors")
    void keyPairGeneratorDerivesThePublishedKeysFromTheSeed(String parameterSet, byte[] xi, byte[] pk, byte[] sk)
            throws Exception {
        FixedOutputRandom seed = new FixedOutputRandom(xi);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(parameterSet, NANO);
        generator.initialize(new NamedParameterSpec(parameterSet), seed);
        KeyFactory factory = KeyFactory.getInstance(parameterSet, NANO);

        KeyPair pair = generator.generateKeyPair();

        assertThat(seed.isExhausted()).as("the generator draws exactly xi").isTrue();
        assertThat(factory.getKeySpec(pair.getPublic(), RawKeySpec.class).getKey()).isEqualTo(pk);
        assertThat(factory.getKeySpec(pair.getPrivate(), RawKeySpec.class).getKey()).isEqualTo(xi);
        // The PKCS#8 encoding carries the expanded sk (the expandedKey choice)
        PrivateKey published = factory.generatePrivate(new RawKeySpec(sk));
        assertThat(pkcs8(factory, pair.getPrivate())).endsWith(sk).isEqualTo(pkcs8(factory, published));
        assertThat(factory.getKeySpec(published, RawKeySpec.class).getKey()).isEqualTo(sk);
    }

    private static byte[] pkcs8(KeyFactory factory, Key key) throws GeneralSecurityException {
        return factory.getKeySpec(key, PKCS8EncodedKeySpec.class).getEncoded();
    }

    // Signing: FIPS 204 Alg. 2 ML-DSA.Sign, deterministic (rnd = 0^32) unless the vector gives rnd

    static Stream<Arguments> validSigningVectors() {
        return SIGNING.stream().filter(t -> t.result().equals("valid")).map(t -> Arguments.argumentSet(t.name(), t));
    }

    static Stream<Arguments> invalidSigningVectors() {
        return SIGNING.stream().filter(t -> t.result().equals("invalid")).map(t -> Arguments.argumentSet(t.name(), t));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("validSigningVectors")
    void signsToThePublishedSignature(WycheproofTest t) throws Exception {
        assumeReachableBySigning(t);
        KeyFactory factory = KeyFactory.getInstance(ML_DSA_65, NANO);
        PrivateKey privateKey = factory.generatePrivate(new RawKeySpec(t.privateKey()));
        PublicKey publicKey = factory.generatePublic(new RawKeySpec(t.publicKey()));
        FixedOutputRandom rnd = new FixedOutputRandom(t.test().has("rnd") ? t.hex("rnd") : new byte[32]);

        byte[] signature = sign(privateKey, rnd, t.hex("msg"));

        assertThat(rnd.isExhausted()).as("signing draws exactly rnd").isTrue();
        assertThat(signature).isEqualTo(t.hex("sig"));
        assertThat(verify(publicKey, t.hex("msg"), signature)).isEqualTo(Outcome.ACCEPTED);
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("invalidSigningVectors")
    void refusesEveryInvalidSigningVector(WycheproofTest t) {
        assumeReachableBySigning(t);
        Refusal expected = signingRefusal(t);

        assertThatThrownBy(() -> {
            PrivateKey key = KeyFactory.getInstance(ML_DSA_65, NANO).generatePrivate(new RawKeySpec(t.privateKey()));
            sign(key, new FixedOutputRandom(new byte[32]), t.hex("msg"));
        })
                .isInstanceOf(expected.type())
                .hasMessage(expected.message());
    }

    private static Refusal signingRefusal(WycheproofTest t) {
        return switch (t.flags().getFirst()) {
            case "IncorrectPrivateKeyLength" -> new Refusal(InvalidKeySpecException.class,
                    ML_DSA_65 + " private key must be 32 (seed) or 4032 bytes, got " + t.privateKey().length);
            case "InvalidPrivateKey" -> new Refusal(InvalidKeySpecException.class, ML_DSA_65
                    + " private key fails the FIPS 204 skDecode range check (a coefficient of s1 or s2 is not in"
                    + " [-eta, eta])");
            default -> throw new IllegalArgumentException("No expected refusal for " + t.name());
        };
    }

    private static void assumeReachableBySigning(WycheproofTest t) {
        int context = t.context().length;
        assumeTrue(context == 0, () -> CONTEXT_SKIP.formatted(context,
                count(SIGNING, c -> c.context().length > 0), SIGNING.size(), "signing"));
        assumeTrue(t.test().has("msg"), () -> MU_SKIP.formatted(
                count(SIGNING, c -> !c.test().has("msg")), SIGNING.size()));
    }

    private static byte[] sign(PrivateKey key, FixedOutputRandom rnd, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(ML_DSA_65, NANO);
        signer.initSign(key, rnd);
        signer.update(message);
        return signer.sign();
    }

    // Verification: FIPS 204 Alg. 3 ML-DSA.Verify

    static Stream<Arguments> validVerificationVectors() {
        return VERIFYING.stream().filter(t -> t.result().equals("valid")).map(t -> Arguments.argumentSet(t.name(), t));
    }

    static Stream<Arguments> invalidVerificationVectors() {
        return VERIFYING.stream().filter(t -> t.result().equals("invalid"))
                .map(t -> Arguments.argumentSet(t.name(), t));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("validVerificationVectors")
    void acceptsEveryValidWycheproofSignature(WycheproofTest t) {
        assumeReachableByVerification(t);

        assertThat(verify(t.publicKey(), t.hex("msg"), t.hex("sig"))).isEqualTo(Outcome.ACCEPTED);
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("invalidVerificationVectors")
    void rejectsEveryInvalidWycheproofSignature(WycheproofTest t) {
        assumeReachableByVerification(t);
        // A wrongly sized key or signature is refused before verification; a malformed hint
        // encoding inside a correctly sized signature may be refused (the JDK does) or fail.
        Outcome[] expected = t.flags().contains("IncorrectPublicKeyLength") ? new Outcome[] {Outcome.KEY_REFUSED}
                : t.flags().contains("IncorrectSignatureLength") ? new Outcome[] {Outcome.SIGNATURE_REFUSED}
                : new Outcome[] {Outcome.REJECTED, Outcome.SIGNATURE_REFUSED};

        assertThat(verify(t.publicKey(), t.hex("msg"), t.hex("sig"))).isIn((Object[]) expected);
    }

    private static void assumeReachableByVerification(WycheproofTest t) {
        int context = t.context().length;
        assumeTrue(context == 0, () -> CONTEXT_SKIP.formatted(context,
                count(VERIFYING, c -> c.context().length > 0), VERIFYING.size(), "verification"));
    }

    // ACVP sigVer for ML-DSA-65: prompt and expected results joined by tcId

    private static List<SigVer> acvpSigVer() {
        Map<Integer, Boolean> expected = new HashMap<>();
        for (JsonNode group : Vectors.json("ml-dsa/" + ACVP_SIG_VER.formatted("expectedResults")).get("testGroups")) {
            group.get("tests").forEach(t -> expected.put(t.get("tcId").asInt(), t.get("testPassed").asBoolean()));
        }
        List<SigVer> all = new ArrayList<>();
        for (JsonNode group : Vectors.json("ml-dsa/" + ACVP_SIG_VER.formatted("prompt")).get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                Boolean passed = expected.get(test.get("tcId").asInt());
                if (passed == null) {
                    throw new IllegalStateException("No expected result for ACVP tcId " + test.get("tcId"));
                }
                all.add(new SigVer(group, test, passed));
            }
        }
        return all;
    }

    static Stream<Arguments> acvpSigVerVectors() {
        return SIG_VER.stream().map(v -> Arguments.argumentSet(v.name(), v));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("acvpSigVerVectors")
    void decidesAcvpSigVerAsPublished(SigVer v) {
        assumeTrue(v.external(), () -> ("internal interface (ML-DSA.Verify_internal on M' or mu) is not "
                + "reachable through JCA; %d of the %d ACVP sigVer vectors are skipped for this")
                .formatted(countSigVer(s -> !s.external()), SIG_VER.size()));
        assumeTrue(v.pure(), () -> ("HashML-DSA (pre-hash) is not offered by NanoPQ; %d of the %d ACVP sigVer "
                + "vectors are skipped for this").formatted(countSigVer(s -> s.external() && !s.pure()),
                SIG_VER.size()));
        int context = v.context().length;
        assumeTrue(context == 0, () -> CONTEXT_SKIP.formatted(context,
                countSigVer(s -> s.external() && s.pure() && s.context().length > 0), SIG_VER.size(),
                "ACVP sigVer"));

        Outcome outcome = verify(Vectors.hex(v.test(), "pk"), Vectors.hex(v.test(), "message"),
                Vectors.hex(v.test(), "signature"));

        if (v.passed()) {
            assertThat(outcome).isEqualTo(Outcome.ACCEPTED);
        } else {
            assertThat(outcome).isNotEqualTo(Outcome.ACCEPTED);
        }
    }

    private static long countSigVer(Predicate<SigVer> filter) {
        return SIG_VER.stream().filter(filter).count();
    }

    private static long count(List<WycheproofTest> tests, Predicate<WycheproofTest> filter) {
        return tests.stream().filter(filter).count();
    }

    /**
     * Decodes the raw public key with NanoPQ's KeyFactory and verifies with its Signature. A
     * refusal is a checked JCA exception; anything else escapes and fails the test.
     */
    private static Outcome verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance(ML_DSA_65, NANO).generatePublic(new RawKeySpec(rawPublicKey));
        } catch (InvalidKeySpecException e) {
            return Outcome.KEY_REFUSED;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        return verify(key, message, signature);
    }

    private static Outcome verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ML_DSA_65, NANO);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature) ? Outcome.ACCEPTED : Outcome.REJECTED;
        } catch (InvalidKeyException e) {
            return Outcome.KEY_REFUSED;
        } catch (SignatureException e) {
            return Outcome.SIGNATURE_REFUSED;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
