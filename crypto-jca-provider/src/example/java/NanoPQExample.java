// SPDX-License-Identifier: Apache-2.0

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.nanomessenger.crypto.provider.NanoPQProvider;

/**
 * Uses every NanoPQ algorithm through the standard JCA API only, as any Java program would.
 *
 * <p>Run it with nothing but the provider jar and Bouncy Castle on the class path:
 * {@code java -cp crypto-jca-provider-<version>.jar:bcprov-jdk18on-1.87.jar NanoPQExample.java}.
 * It prints one line per algorithm and exits with status 1 if any check fails.
 */
public final class NanoPQExample {

    private static final List<String> KEMS = List.of(
            "ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X25519", "X-Wing");
    private static final List<String> SIGNATURES = List.of(
            "ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "Ed25519", "MLDSA65-Ed25519-SHA512",
            "SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f");

    private NanoPQExample() {
    }

    public static void main(String[] args) throws Exception {
        Security.addProvider(new NanoPQProvider());

        boolean allPassed = true;
        for (String algorithm : KEMS) {
            allPassed &= report("KEM", algorithm, agreeOnSecret(algorithm));
        }
        for (String algorithm : SIGNATURES) {
            allPassed &= report("Signature", algorithm, signAndVerify(algorithm));
        }
        if (!allPassed) {
            System.exit(1);
        }
    }

    /** Encapsulates to a public key that went through its X.509 encoding and back, and decapsulates. */
    private static boolean agreeOnSecret(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, "NanoPQ").generateKeyPair();
        PublicKey publicKey = decodePublic(algorithm, pair.getPublic());
        PrivateKey privateKey = decodePrivate(algorithm, pair.getPrivate());

        KEM kem = KEM.getInstance(algorithm, "NanoPQ");
        KEM.Encapsulated sent = kem.newEncapsulator(publicKey).encapsulate();
        SecretKey received = kem.newDecapsulator(privateKey).decapsulate(sent.encapsulation());

        return Arrays.equals(sent.key().getEncoded(), received.getEncoded());
    }

    /** Signs with a private key that went through PKCS#8 and back; a changed message must fail. */
    private static boolean signAndVerify(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, "NanoPQ").generateKeyPair();
        PrivateKey privateKey = decodePrivate(algorithm, pair.getPrivate());
        PublicKey publicKey = decodePublic(algorithm, pair.getPublic());
        byte[] message = "hello from a plain Java program".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance(algorithm, "NanoPQ");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance(algorithm, "NanoPQ");
        verifier.initVerify(publicKey);
        verifier.update(message);
        boolean genuineAccepted = verifier.verify(signature);
        message[0] ^= 1;
        verifier.update(message);
        boolean forgeryRefused = !verifier.verify(signature);

        return genuineAccepted && forgeryRefused;
    }

    private static PublicKey decodePublic(String algorithm, PublicKey key) throws Exception {
        return KeyFactory.getInstance(algorithm, "NanoPQ").generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    }

    private static PrivateKey decodePrivate(String algorithm, PrivateKey key) throws Exception {
        return KeyFactory.getInstance(algorithm, "NanoPQ")
                .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    private static boolean report(String type, String algorithm, boolean passed) {
        System.out.println((passed ? "ok   " : "FAIL ") + type + " " + algorithm);
        return passed;
    }
}
