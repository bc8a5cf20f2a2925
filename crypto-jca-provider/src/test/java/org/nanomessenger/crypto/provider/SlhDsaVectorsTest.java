// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nanomessenger.crypto.provider.internal.bc.SlhDsa;

/**
 * SLH-DSA (FIPS 205): NIST's ACVP internal-interface sigVer vectors for SLH-DSA-SHAKE-128f, which
 * sign M' directly and so go through {@link SlhDsa#verifyInternal} rather than JCA, and a round
 * trip through JCA for every parameter set NanoPQ offers.
 */
class SlhDsaVectorsTest {

    private static final Provider NANO = new NanoPQProvider();
    private static final String ACVP_SIG_VER =
            "slh-dsa/SLH-DSA-sigVer-FIPS205.internal-interface-2024.internalProjection.SHAKE-128f.json";
    /** FIPS 205 §11 Table 2: the signature length per parameter set. */
    private static final Map<String, Integer> SIGNATURE_LENGTH = Map.of("SLH-DSA-SHA2-128s", 7856,
            "SLH-DSA-SHA2-128f", 17088, "SLH-DSA-SHAKE-128f", 17088);
    private static final byte[] MESSAGE = "NanoPQ signs with SLH-DSA".getBytes(StandardCharsets.UTF_8);

    /** One ACVP sigVer test: public key, M' as the internal interface takes it, signature, verdict. */
    record SigVer(byte[] pk, byte[] message, byte[] signature, boolean passed) {
    }

    static Stream<Arguments> acvpSigVerVectors() {
        List<Arguments> all = new ArrayList<>();
        for (JsonNode group : Vectors.json(ACVP_SIG_VER).get("testGroups")) {
            if (!group.get("parameterSet").asText().equals("SLH-DSA-SHAKE-128f")) {
                throw new IllegalStateException("Unexpected parameter set " + group.get("parameterSet"));
            }
            for (JsonNode test : group.get("tests")) {
                SigVer v = new SigVer(Vectors.hex(test, "pk"), Vectors.hex(test, "message"),
                        Vectors.hex(test, "signature"), test.get("testPassed").asBoolean());
                all.add(Arguments.argumentSet("ACVP tgId " + group.get("tgId").asInt() + " tcId "
                        + test.get("tcId").asInt() + ": " + test.get("reason").asText(), v));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("acvpSigVerVectors")
    void verifyInternalDecidesAcvpSigVerAsPublished(SigVer v) {
        // FIPS 205 Alg. 20 slh_verify_internal: the vectors' message is M', without the domain prefix
        boolean valid = SlhDsa.verifyInternal(SlhDsa.ParameterSet.SHAKE_128F, v.pk(), v.message(), v.signature());

        assertThat(valid).isEqualTo(v.passed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f"})
    void signatureVerifiesAndFailsForATamperedMessage(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair();
        Signature signer = Signature.getInstance(algorithm, NANO);
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        byte[] tampered = MESSAGE.clone();
        tampered[tampered.length - 1] ^= 0x01;

        assertThat(signature).hasSize(SIGNATURE_LENGTH.get(algorithm));
        assertThat(verify(algorithm, pair, MESSAGE, signature)).isTrue();
        assertThat(verify(algorithm, pair, tampered, signature)).isFalse();
    }

    private static boolean verify(String algorithm, KeyPair pair, byte[] message, byte[] signature)
            throws Exception {
        Signature verifier = Signature.getInstance(algorithm, NANO);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
