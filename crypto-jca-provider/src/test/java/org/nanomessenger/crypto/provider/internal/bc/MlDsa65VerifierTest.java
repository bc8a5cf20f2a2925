// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.MLDSAKeyPairGenerator;
import org.bouncycastle.crypto.params.MLDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithContext;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nanomessenger.crypto.provider.Vectors;

/**
 * NanoPQ's own ML-DSA-65 verifier (used by the composite signature) against the NIST ACVP sigVer
 * vectors, Wycheproof's verify vectors, contexts included, and Bouncy Castle's signer.
 */
class MlDsa65VerifierTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<Arguments> acvpExternalPure() {
        JsonNode prompt = Vectors.json("ml-dsa/ML-DSA-sigVer-FIPS204.prompt.ML-DSA-65.json");
        Map<String, Boolean> expected = new HashMap<>();
        for (JsonNode group : Vectors.json("ml-dsa/ML-DSA-sigVer-FIPS204.expectedResults.ML-DSA-65.json")
                .get("testGroups")) {
            group.get("tests").forEach(t -> expected.put(t.get("tcId").asText(), t.get("testPassed").asBoolean()));
        }
        return StreamSupport.stream(prompt.get("testGroups").spliterator(), false)
                .filter(g -> g.get("signatureInterface").asText().equals("external"))
                .filter(g -> g.get("preHash").asText().equals("pure"))
                .flatMap(g -> StreamSupport.stream(g.get("tests").spliterator(), false))
                .map(t -> Arguments.of(Named.of("tcId " + t.get("tcId").asText(), t),
                        expected.get(t.get("tcId").asText())));
    }

    static Stream<Arguments> wycheproof() {
        return StreamSupport.stream(Vectors.json("ml-dsa/mldsa_65_verify_test.json").get("testGroups")
                .spliterator(), false)
                .flatMap(g -> StreamSupport.stream(g.get("tests").spliterator(), false)
                        .map(t -> Arguments.of(Named.of("tcId " + t.get("tcId").asText() + " "
                                + t.get("comment").asText(), t), Vectors.hex(g, "publicKey"))));
    }

    @ParameterizedTest
    @MethodSource("acvpExternalPure")
    void agreesWithAcvpSigVer(JsonNode test, boolean passed) {
        MlDsa65Verifier.ExpandedKey key = MlDsa65Verifier.expand(Vectors.hex(test, "pk"));

        boolean valid = MlDsa65Verifier.verify(key, Vectors.hex(test, "context"), Vectors.hex(test, "message"),
                Vectors.hex(test, "signature"));

        assertThat(valid).isEqualTo(passed);
    }

    @ParameterizedTest
    @MethodSource("wycheproof")
    void agreesWithWycheproof(JsonNode test, byte[] publicKey) {
        boolean expected = test.get("result").asText().equals("valid");

        boolean valid;
        try {
            valid = MlDsa65Verifier.verify(MlDsa65Verifier.expand(publicKey), Vectors.hex(test, "ctx"),
                    Vectors.hex(test, "msg"), Vectors.hex(test, "sig"));
        } catch (IllegalArgumentException e) {
            // a public key of the wrong length or a context over 255 bytes
            valid = false;
        }

        assertThat(valid).isEqualTo(expected);
    }

    @Test
    void acceptsWhatBouncyCastleSignsAndRefusesEveryAlteredSignatureAsBouncyCastleDoes() throws Exception {
        MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
        generator.init(new MLDSAKeyGenerationParameters(RANDOM, MLDSAParameters.ml_dsa_65));

        for (int round = 0; round < 40; round++) {
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            MLDSAPublicKeyParameters publicKey = (MLDSAPublicKeyParameters) pair.getPublic();
            byte[] context = randomBytes(RANDOM.nextInt(256));
            byte[] message = randomBytes(RANDOM.nextInt(2000));
            MLDSASigner signer = new MLDSASigner();
            signer.init(true, new ParametersWithContext((MLDSAPrivateKeyParameters) pair.getPrivate(), context));
            signer.update(message, 0, message.length);
            byte[] signature = signer.generateSignature();
            MlDsa65Verifier.ExpandedKey key = MlDsa65Verifier.expand(publicKey.getEncoded());

            assertThat(MlDsa65Verifier.verify(key, context, message, signature)).isTrue();

            byte[] altered = signature.clone();
            altered[RANDOM.nextInt(altered.length)] ^= (byte) (1 << RANDOM.nextInt(8));
            assertThat(MlDsa65Verifier.verify(key, context, message, altered))
                    .isEqualTo(bouncyCastleVerifies(publicKey, context, message, altered))
                    .isFalse();
        }
    }

    @Test
    void refusesTheRightSignatureUnderAnotherContext() throws Exception {
        MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
        generator.init(new MLDSAKeyGenerationParameters(RANDOM, MLDSAParameters.ml_dsa_65));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] message = randomBytes(64);
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, new ParametersWithContext((MLDSAPrivateKeyParameters) pair.getPrivate(), new byte[] {1}));
        signer.update(message, 0, message.length);
        byte[] signature = signer.generateSignature();
        MlDsa65Verifier.ExpandedKey key = MlDsa65Verifier.expand(
                ((MLDSAPublicKeyParameters) pair.getPublic()).getEncoded());

        assertThat(MlDsa65Verifier.verify(key, new byte[] {2}, message, signature)).isFalse();
        assertThat(MlDsa65Verifier.verify(key, new byte[0], message, signature)).isFalse();
        assertThat(MlDsa65Verifier.verify(key, new byte[] {1}, message, signature)).isTrue();
    }

    private static boolean bouncyCastleVerifies(MLDSAPublicKeyParameters key, byte[] context, byte[] message,
            byte[] signature) {
        MLDSASigner verifier = new MLDSASigner();
        verifier.init(false, new ParametersWithContext(key, context));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
