// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key generation, encapsulation and decapsulation per KEM and implementation. The JDK's X25519 KEM
 * is SunJCE's {@code DHKEM}, the same RFC 9180 construction NanoPQ registers as {@code X25519};
 * Bouncy Castle has no RFC 9180 KEM behind the {@code javax.crypto.KEM} API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KemBenchmark {

    @Param({
        "ML-KEM-768@NanoPQ", "ML-KEM-768@BC", "ML-KEM-768@JDK",
        "X25519@NanoPQ", "X25519@JDK",
        "X-Wing@NanoPQ", "X-Wing@BC"})
    private String algorithmAtImplementation;

    private KeyPairGenerator generator;
    private KEM.Encapsulator encapsulator;
    private KEM.Decapsulator decapsulator;
    private byte[] encapsulation;

    @Setup
    public void setUp() throws GeneralSecurityException {
        String[] parts = Implementations.split(algorithmAtImplementation);
        Provider provider = Implementations.provider(parts[1]);
        String keyName = parts[0].equals("X-Wing") && "BC".equals(parts[1]) ? "X-WING" : parts[0];
        String kemName = provider == null && parts[0].equals("X25519") ? "DHKEM" : keyName;
        generator = provider == null ? KeyPairGenerator.getInstance(keyName)
                : KeyPairGenerator.getInstance(keyName, provider);
        KEM kem = provider == null ? KEM.getInstance(kemName) : KEM.getInstance(kemName, provider);

        KeyPair pair = generator.generateKeyPair();
        encapsulator = kem.newEncapsulator(pair.getPublic());
        decapsulator = kem.newDecapsulator(pair.getPrivate());
        KEM.Encapsulated sent = encapsulator.encapsulate();
        encapsulation = sent.encapsulation();
        if (!Arrays.equals(sent.key().getEncoded(), decapsulate().getEncoded())) {
            throw new IllegalStateException(algorithmAtImplementation + " does not agree with itself");
        }
    }

    @Benchmark
    public KeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Benchmark
    public KEM.Encapsulated encapsulate() {
        return encapsulator.encapsulate();
    }

    @Benchmark
    public SecretKey decapsulate() throws GeneralSecurityException {
        return decapsulator.decapsulate(encapsulation);
    }
}
