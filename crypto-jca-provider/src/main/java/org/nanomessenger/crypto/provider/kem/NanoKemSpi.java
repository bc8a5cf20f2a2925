// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Objects;
import java.util.Set;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.KEMSpi;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.nanomessenger.crypto.provider.SelfTest;
import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.Keys;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/**
 * The shared half of every NanoPQ KEM: key checks, the JCA contract of {@link KEMSpi} (ranges,
 * lengths, exceptions) and zeroing of the shared secret. A subclass supplies the algorithm.
 * Every NanoPQ KEM answers a 32-byte shared secret.
 */
public abstract class NanoKemSpi implements KEMSpi {

    /** The shared secret length of ML-KEM, DHKEM(X25519, HKDF-SHA256) and X-Wing. */
    protected static final int SECRET_LENGTH = 32;

    private final Set<KeyType> accepted;

    protected NanoKemSpi(Set<KeyType> accepted) {
        SelfTest.requirePassed(accepted.iterator().next().family());
        this.accepted = accepted;
    }

    /** The shared secret and its encapsulation. */
    public record Encapsulation(byte[] secret, byte[] encapsulation) {
    }

    /** Encapsulates to {@code key}; the caller zeroes the answer's secret. */
    protected abstract Encapsulation encapsulate(NanoPublicKey key, SecureRandom random);

    /** Decapsulates an encapsulation of the right length. */
    protected abstract byte[] decapsulate(NanoPrivateKey key, byte[] encapsulation) throws DecapsulateException;

    /** The encapsulation length for keys of {@code type}. */
    protected abstract int encapsulationLength(KeyType type);

    /** A hook for checks beyond the key type, run once when an encapsulator is made. */
    protected void checkPublicKey(NanoPublicKey key) throws InvalidKeyException {
    }

    @Override
    public EncapsulatorSpi engineNewEncapsulator(PublicKey publicKey, AlgorithmParameterSpec spec,
            SecureRandom secureRandom) throws InvalidAlgorithmParameterException, InvalidKeyException {
        requireNoParameters(spec);
        NanoPublicKey key = Keys.toNanoPublic(publicKey, accepted);
        checkPublicKey(key);
        return new Encapsulator(key, secureRandom != null ? secureRandom : new SecureRandom());
    }

    @Override
    public DecapsulatorSpi engineNewDecapsulator(PrivateKey privateKey, AlgorithmParameterSpec spec)
            throws InvalidAlgorithmParameterException, InvalidKeyException {
        requireNoParameters(spec);
        return new Decapsulator(Keys.toNanoPrivate(privateKey, accepted));
    }

    private static void requireNoParameters(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
        if (spec != null) {
            throw new InvalidAlgorithmParameterException("NanoPQ KEMs take no parameters, got " + spec);
        }
    }

    private static void checkRequest(int from, int to, String algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.checkFromToIndex(from, to, SECRET_LENGTH);
        if (from == to) {
            throw new IndexOutOfBoundsException("The requested shared secret range is empty");
        }
    }

    private static SecretKey secretKey(byte[] secret, int from, int to, String algorithm) {
        try {
            return new SecretKeySpec(secret, from, to - from, algorithm);
        } finally {
            Bytes.zero(secret);
        }
    }

    private final class Encapsulator implements EncapsulatorSpi {
        private final NanoPublicKey key;
        private final SecureRandom random;

        Encapsulator(NanoPublicKey key, SecureRandom random) {
            this.key = key;
            this.random = random;
        }

        @Override
        public KEM.Encapsulated engineEncapsulate(int from, int to, String algorithm) {
            checkRequest(from, to, algorithm);
            Encapsulation result = encapsulate(key, random);
            return new KEM.Encapsulated(secretKey(result.secret(), from, to, algorithm), result.encapsulation(), null);
        }

        @Override
        public int engineSecretSize() {
            return SECRET_LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return encapsulationLength(key.type());
        }
    }

    private final class Decapsulator implements DecapsulatorSpi {
        private final NanoPrivateKey key;

        Decapsulator(NanoPrivateKey key) {
            this.key = key;
        }

        @Override
        public SecretKey engineDecapsulate(byte[] encapsulation, int from, int to, String algorithm)
                throws DecapsulateException {
            Objects.requireNonNull(encapsulation, "encapsulation");
            checkRequest(from, to, algorithm);
            int expected = encapsulationLength(key.type());
            if (encapsulation.length != expected) {
                throw new DecapsulateException(key.type().algorithm() + " encapsulation must be " + expected
                        + " bytes, got " + encapsulation.length);
            }
            return secretKey(decapsulate(key, encapsulation), from, to, algorithm);
        }

        @Override
        public int engineSecretSize() {
            return SECRET_LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return encapsulationLength(key.type());
        }
    }
}
