// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.bench;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key generation, signing and verification of a 256-byte message (the size of a small envelope's
 * signing input), per algorithm and implementation. Run through the {@code bench} profile; the
 * results and the command are in docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {

    @Param({
        "ML-DSA-65@NanoPQ", "ML-DSA-65@BC", "ML-DSA-65@JDK",
        "Ed25519@NanoPQ", "Ed25519@BC", "Ed25519@JDK",
        "MLDSA65-Ed25519-SHA512@NanoPQ", "MLDSA65-Ed25519-SHA512@BC",
        "SLH-DSA-SHA2-128f@NanoPQ", "SLH-DSA-SHA2-128f@BC"})
    private String algorithmAtImplementation;

    private KeyPairGenerator generator;
    private KeyFactory keyFactory;
    private Signature signer;
    private Signature verifier;
    private Signature coldVerifier;
    private byte[] encodedPublicKey;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        String[] parts = Implementations.split(algorithmAtImplementation);
        Provider provider = Implementations.provider(parts[1]);
        generator = provider == null ? KeyPairGenerator.getInstance(parts[0])
                : KeyPairGenerator.getInstance(parts[0], provider);
        keyFactory = provider == null ? KeyFactory.getInstance(parts[0]) : KeyFactory.getInstance(parts[0], provider);
        KeyPair pair = generator.generateKeyPair();
        encodedPublicKey = pair.getPublic().getEncoded();
        signer = signature(parts[0], provider);
        verifier = signature(parts[0], provider);
        coldVerifier = signature(parts[0], provider);
        signer.initSign(pair.getPrivate());
        verifier.initVerify(pair.getPublic());

        message = new byte[256];
        new SecureRandom().nextBytes(message);
        signature = sign();
        if (!verify() || !verifyWithNewKey()) {
            throw new IllegalStateException(algorithmAtImplementation + " does not verify its own signature");
        }
    }

    @Benchmark
    public KeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Benchmark
    public byte[] sign() throws GeneralSecurityException {
        signer.update(message);
        return signer.sign();
    }

    /** Verifies with a key already in use: what a server does for a sender it has seen before. */
    @Benchmark
    public boolean verify() throws GeneralSecurityException {
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** Decodes the X.509 public key, then verifies: the cost for a key seen for the first time. */
    @Benchmark
    public boolean verifyWithNewKey() throws GeneralSecurityException {
        PublicKey key = keyFactory.generatePublic(new X509EncodedKeySpec(encodedPublicKey));
        coldVerifier.initVerify(key);
        coldVerifier.update(message);
        return coldVerifier.verify(signature);
    }

    private static Signature signature(String algorithm, Provider provider) throws GeneralSecurityException {
        return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
    }
}
