// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.kem;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;

import org.nanomessenger.crypto.provider.internal.JdkMlKem;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/** ML-KEM (FIPS 203) on the JDK's implementation. Decapsulation rejects implicitly (FIPS 203 Alg. 18). */
public abstract class MlKemSpi extends NanoKemSpi {

    protected MlKemSpi(Set<KeyType> accepted) {
        super(accepted);
    }

    @Override
    protected Encapsulation encapsulate(NanoPublicKey key, SecureRandom random) {
        KEM.Encapsulated result = JdkMlKem.encapsulate(jdkPublicKey(key), random);
        return new Encapsulation(result.key().getEncoded(), result.encapsulation());
    }

    @Override
    protected byte[] decapsulate(NanoPrivateKey key, byte[] encapsulation) throws DecapsulateException {
        return JdkMlKem.decapsulate(jdkDecapsulator(key), encapsulation);
    }

    @Override
    protected int encapsulationLength(KeyType type) {
        // FIPS 203 §8 Table 3: c is 32 * (du * k + dv) bytes
        return switch (type) {
            case ML_KEM_512 -> 768;
            case ML_KEM_768 -> 1088;
            case ML_KEM_1024 -> 1568;
            default -> throw new IllegalArgumentException(type + " is not ML-KEM");
        };
    }

    static PublicKey jdkPublicKey(NanoPublicKey key) {
        return key.backend(k -> JdkMlKem.publicKey(k.type().oid(), k.raw()));
    }

    static KEM.Decapsulator jdkDecapsulator(NanoPrivateKey key) {
        return key.backend(k -> JdkMlKem.decapsulator(JdkMlKem.privateKey(k.type().oid(), k.secret())), decoded -> {
            // The JDK's ML-KEM private key does not implement destroy(); the reference is dropped.
        });
    }

    /** Every parameter set, under the family name. */
    public static final class Any extends MlKemSpi {
        public Any() {
            super(EnumSet.of(KeyType.ML_KEM_512, KeyType.ML_KEM_768, KeyType.ML_KEM_1024));
        }
    }

    public static final class MlKem512 extends MlKemSpi {
        public MlKem512() {
            super(EnumSet.of(KeyType.ML_KEM_512));
        }
    }

    public static final class MlKem768 extends MlKemSpi {
        public MlKem768() {
            super(EnumSet.of(KeyType.ML_KEM_768));
        }
    }

    public static final class MlKem1024 extends MlKemSpi {
        public MlKem1024() {
            super(EnumSet.of(KeyType.ML_KEM_1024));
        }
    }
}
