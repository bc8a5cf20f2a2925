// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.key;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.EnumSet;
import java.util.Set;

import org.nanomessenger.crypto.provider.SelfTest;

/**
 * Key pair generation for every NanoPQ key type. A generator registered under a family name
 * ({@code ML-KEM}) starts at the family's default parameter set and can be switched with a
 * {@link NamedParameterSpec}; one registered under a parameter set name only makes that set.
 */
public abstract class NanoKeyPairGeneratorSpi extends KeyPairGeneratorSpi {

    private final Set<KeyType> allowed;
    private KeyType type;
    private SecureRandom random;

    protected NanoKeyPairGeneratorSpi(KeyType defaultType, Set<KeyType> allowed) {
        SelfTest.requirePassed(defaultType.family());
        this.type = defaultType;
        this.allowed = allowed;
    }

    protected NanoKeyPairGeneratorSpi(KeyType type) {
        this(type, EnumSet.of(type));
    }

    @Override
    public void initialize(int keysize, SecureRandom random) {
        throw new InvalidParameterException(type.algorithm()
                + " key sizes are fixed by the parameter set; use a NamedParameterSpec");
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof NamedParameterSpec named)) {
            throw new InvalidAlgorithmParameterException("Expected a NamedParameterSpec, got " + params);
        }
        KeyType requested = KeyType.forAlgorithm(named.getName())
                .filter(allowed::contains)
                .orElseThrow(() -> new InvalidAlgorithmParameterException(
                        "Unsupported parameter set " + named.getName() + " for this generator"));
        this.type = requested;
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        SecureRandom source = random != null ? random : new SecureRandom();
        NanoPrivateKey privateKey = Keys.generate(type, source);
        return new KeyPair(privateKey.publicKey(), privateKey);
    }

    /** ML-KEM under its family name; ML-KEM-768 unless told otherwise. */
    public static final class MlKem extends NanoKeyPairGeneratorSpi {
        public MlKem() {
            super(KeyType.ML_KEM_768, EnumSet.of(KeyType.ML_KEM_512, KeyType.ML_KEM_768, KeyType.ML_KEM_1024));
        }
    }

    public static final class MlKem512 extends NanoKeyPairGeneratorSpi {
        public MlKem512() {
            super(KeyType.ML_KEM_512);
        }
    }

    public static final class MlKem768 extends NanoKeyPairGeneratorSpi {
        public MlKem768() {
            super(KeyType.ML_KEM_768);
        }
    }

    public static final class MlKem1024 extends NanoKeyPairGeneratorSpi {
        public MlKem1024() {
            super(KeyType.ML_KEM_1024);
        }
    }

    public static final class X25519 extends NanoKeyPairGeneratorSpi {
        public X25519() {
            super(KeyType.X25519);
        }
    }

    public static final class XWing extends NanoKeyPairGeneratorSpi {
        public XWing() {
            super(KeyType.X_WING);
        }
    }

    /** ML-DSA under its family name; ML-DSA-65 unless told otherwise. */
    public static final class MlDsa extends NanoKeyPairGeneratorSpi {
        public MlDsa() {
            super(KeyType.ML_DSA_65, EnumSet.of(KeyType.ML_DSA_44, KeyType.ML_DSA_65, KeyType.ML_DSA_87));
        }
    }

    public static final class MlDsa44 extends NanoKeyPairGeneratorSpi {
        public MlDsa44() {
            super(KeyType.ML_DSA_44);
        }
    }

    public static final class MlDsa65 extends NanoKeyPairGeneratorSpi {
        public MlDsa65() {
            super(KeyType.ML_DSA_65);
        }
    }

    public static final class MlDsa87 extends NanoKeyPairGeneratorSpi {
        public MlDsa87() {
            super(KeyType.ML_DSA_87);
        }
    }

    public static final class Ed25519 extends NanoKeyPairGeneratorSpi {
        public Ed25519() {
            super(KeyType.ED25519);
        }
    }

    public static final class MlDsa65Ed25519 extends NanoKeyPairGeneratorSpi {
        public MlDsa65Ed25519() {
            super(KeyType.MLDSA65_ED25519_SHA512);
        }
    }

    public static final class SlhDsaSha2128s extends NanoKeyPairGeneratorSpi {
        public SlhDsaSha2128s() {
            super(KeyType.SLH_DSA_SHA2_128S);
        }
    }

    public static final class SlhDsaSha2128f extends NanoKeyPairGeneratorSpi {
        public SlhDsaSha2128f() {
            super(KeyType.SLH_DSA_SHA2_128F);
        }
    }

    public static final class SlhDsaShake128f extends NanoKeyPairGeneratorSpi {
        public SlhDsaShake128f() {
            super(KeyType.SLH_DSA_SHAKE_128F);
        }
    }
}
