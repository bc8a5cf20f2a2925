// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.crypto.KEM;
import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;
import org.nanomessenger.crypto.provider.spec.RawKeySpec;

/**
 * X-Wing against the vectors of draft-connolly-cfrg-xwing-kem-10, and MLDSA65-Ed25519-SHA512
 * against those of draft-ietf-lamps-pq-composite-sigs (lamps-wg/draft-composite-sigs).
 */
class HybridVectorsTest {

    private static final Provider NANO = new NanoPQProvider();
    private static final String X_WING = "X-Wing";
    private static final String COMPOSITE = "MLDSA65-Ed25519-SHA512";
    private static final int ML_DSA_65_SIGNATURE = 3309;

    /** One X-Wing vector: sk is the 32-byte seed, eseed the 64 bytes of encapsulation randomness. */
    record XWingVector(int index, byte[] sk, byte[] pk, byte[] eseed, byte[] ct, byte[] ss) {

        @Override
        public String toString() {
            return "vector " + index + ", pk " + HexFormat.of().formatHex(pk, 0, 8) + "...";
        }
    }

    static Stream<XWingVector> xWingVectors() {
        JsonNode vectors = Vectors.json("x-wing/test-vectors.json");
        return IntStream.range(0, vectors.size()).mapToObj(i -> {
            JsonNode v = vectors.get(i);
            return new XWingVector(i, Vectors.hex(v, "sk"), Vectors.hex(v, "pk"), Vectors.hex(v, "eseed"),
                    Vectors.hex(v, "ct"), Vectors.hex(v, "ss"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xWingVectors")
    void xWingPrivateKeyFromSeedHasThePublishedPublicKey(XWingVector v) throws Exception {
        NanoPrivateKey privateKey = (NanoPrivateKey) KeyFactory.getInstance(X_WING, NANO)
                .generatePrivate(new RawKeySpec(v.sk()));

        assertThat(privateKey.publicKey().raw()).isEqualTo(v.pk());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xWingVectors")
    void xWingEncapsulatesToThePublishedCiphertextAndSecret(XWingVector v) throws Exception {
        PublicKey publicKey = KeyFactory.getInstance(X_WING, NANO).generatePublic(new RawKeySpec(v.pk()));
        FixedOutputRandom eseed = new FixedOutputRandom(v.eseed());

        KEM.Encapsulated result = KEM.getInstance(X_WING, NANO).newEncapsulator(publicKey, eseed)
                .encapsulate();

        assertThat(result.encapsulation()).isEqualTo(v.ct());
        assertThat(result.key().getEncoded()).isEqualTo(v.ss());
        assertThat(eseed.isExhausted()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xWingVectors")
    void xWingDecapsulatesThePublishedCiphertext(XWingVector v) throws Exception {
        NanoPrivateKey privateKey = (NanoPrivateKey) KeyFactory.getInstance(X_WING, NANO)
                .generatePrivate(new RawKeySpec(v.sk()));

        SecretKey secret = KEM.getInstance(X_WING, NANO).newDecapsulator(privateKey).decapsulate(v.ct());

        assertThat(secret.getEncoded()).isEqualTo(v.ss());
    }

    @Test
    void xWingPemKeysDecodeToOneKeyPairAndReencodeUnchanged() throws Exception {
        byte[] pkcs8 = pem(Vectors.text("x-wing/xwing.priv"));
        byte[] spki = pem(Vectors.text("x-wing/xwing.pub"));
        KeyFactory factory = KeyFactory.getInstance(X_WING, NANO);

        NanoPrivateKey privateKey = (NanoPrivateKey) factory
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        NanoPublicKey publicKey = (NanoPublicKey) factory.generatePublic(new X509EncodedKeySpec(spki));

        // The draft's X.509 example is the key with seed 00 01 ... 1f
        assertThat(privateKey.secret()).isEqualTo(Vectors.hex("000102030405060708090a0b0c0d0e0f"
                + "101112131415161718191a1b1c1d1e1f"));
        assertThat(publicKey).isEqualTo(privateKey.publicKey());
        assertThat(privateKey.getEncoded()).isEqualTo(pkcs8);
        assertThat(publicKey.getEncoded()).isEqualTo(spki);
    }

    // MLDSA65-Ed25519-SHA512. The vectors' sWithContext is signed with a non-empty context, which
    // NanoPQ does not offer (its composite always signs with the empty context), so it is left out.

    private static JsonNode compositeVector() {
        JsonNode tests = Vectors.json("composite-sigs/testvectors.json").get("tests");
        return StreamSupport.stream(tests.spliterator(), false)
                .filter(t -> t.get("tcId").asText().equals("id-MLDSA65-Ed25519-SHA512"))
                .findFirst().orElseThrow();
    }

    private static byte[] base64(JsonNode node, String name) {
        return Base64.getDecoder().decode(node.get(name).asText());
    }

    private static byte[] message() {
        return base64(Vectors.json("composite-sigs/testvectors.json"), "m");
    }

    @Test
    void compositePrivateKeyFromRawSeedsHasThePublishedPublicKey() throws Exception {
        JsonNode v = compositeVector();
        KeyFactory factory = KeyFactory.getInstance(COMPOSITE, NANO);

        NanoPrivateKey privateKey = (NanoPrivateKey) factory
                .generatePrivate(new RawKeySpec(base64(v, "sk")));
        PublicKey publicKey = factory.generatePublic(new RawKeySpec(base64(v, "pk")));

        assertThat(privateKey.publicKey().raw()).isEqualTo(base64(v, "pk"));
        assertThat(publicKey).isEqualTo(privateKey.publicKey());
    }

    @Test
    void compositePkcs8PrivateKeyDecodesAndReencodesUnchanged() throws Exception {
        JsonNode v = compositeVector();
        byte[] pkcs8 = base64(v, "sk_pkcs8");

        NanoPrivateKey privateKey = (NanoPrivateKey) KeyFactory.getInstance(COMPOSITE, NANO)
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));

        assertThat(privateKey.secret()).isEqualTo(base64(v, "sk"));
        assertThat(privateKey.getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void compositePublishedSignatureVerifies() throws Exception {
        JsonNode v = compositeVector();

        assertThat(verifyComposite(base64(v, "pk"), message(), base64(v, "s"))).isTrue();
    }

    @ParameterizedTest(name = "bit flipped at byte {0}")
    @ValueSource(ints = {0, ML_DSA_65_SIGNATURE - 1, ML_DSA_65_SIGNATURE, ML_DSA_65_SIGNATURE + 40})
    void compositeSignatureWithAFlippedBitInEitherComponentFails(int position) throws Exception {
        JsonNode v = compositeVector();
        byte[] signature = base64(v, "s");
        signature[position] ^= 0x01;

        assertThat(verifyComposite(base64(v, "pk"), message(), signature)).isFalse();
    }

    @Test
    void compositeSignatureOverAMessageWithAFlippedBitFails() throws Exception {
        JsonNode v = compositeVector();
        byte[] message = message();
        message[message.length - 1] ^= 0x01;

        assertThat(verifyComposite(base64(v, "pk"), message, base64(v, "s"))).isFalse();
    }

    @Test
    void compositeCertificateCarriesOurPublicKeyEncoding() throws Exception {
        JsonNode v = compositeVector();
        byte[] certificate = base64(v, "x5c");
        PublicKey publicKey = compositePublicKey(base64(v, "pk"));

        byte[] spki = publicKey.getEncoded();

        assertThat(indexOf(certificate, spki)).isNotNegative();
        assertThat(indexOf(certificate, base64(v, "pk"))).isNotNegative();
    }

    @Test
    void compositeSelfSignedCertificateVerifiesWithNanoPq() throws Exception {
        JsonNode v = compositeVector();
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(base64(v, "x5c")));
        PublicKey publicKey = compositePublicKey(base64(v, "pk"));

        // The signature algorithm is named by its OID, which NanoPQ registers as an alias
        assertThat(certificate.getSigAlgOID()).isEqualTo("1.3.6.1.5.5.7.6.48");
        certificate.verify(publicKey, NANO);
        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(publicKey.getEncoded());
    }

    private static boolean verifyComposite(byte[] rawPublicKey, byte[] message, byte[] signature)
            throws Exception {
        PublicKey publicKey = compositePublicKey(rawPublicKey);
        Signature verifier = Signature.getInstance(COMPOSITE, NANO);
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static PublicKey compositePublicKey(byte[] raw) throws Exception {
        return KeyFactory.getInstance(COMPOSITE, NANO).generatePublic(new RawKeySpec(raw));
    }

    private static byte[] pem(String text) {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
