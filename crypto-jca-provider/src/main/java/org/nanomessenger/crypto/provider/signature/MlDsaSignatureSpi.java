// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.signature;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.nanomessenger.crypto.provider.internal.JdkMlDsa;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/** Pure ML-DSA (FIPS 204 Alg. 2 and 3) with the empty context, hedged, on the JDK's implementation. */
public abstract class MlDsaSignatureSpi extends NanoSignatureSpi {

    private final Map<KeyType, Signature> engines = new EnumMap<>(KeyType.class);

    protected MlDsaSignatureSpi(Set<KeyType> accepted) {
        super(accepted);
    }

    @Override
    protected byte[] sign(NanoPrivateKey key, byte[] message, SecureRandom random) throws SignatureException {
        PrivateKey jdkKey = key.backend(k -> JdkMlDsa.privateKey(k.type().oid(), k.secret()), decoded -> {
            // The JDK's ML-DSA private key does not implement destroy(); the reference is dropped.
        });
        return JdkMlDsa.sign(engine(key.type()), jdkKey, message, random);
    }

    @Override
    protected boolean verify(NanoPublicKey key, byte[] message, byte[] signature) throws SignatureException {
        PublicKey jdkKey = key.backend(k -> JdkMlDsa.publicKey(k.type().oid(), k.raw()));
        return JdkMlDsa.verify(engine(key.type()), jdkKey, message, signature);
    }

    @Override
    protected int signatureLength(KeyType type) {
        // FIPS 204 §4 Table 2
        return switch (type) {
            case ML_DSA_44 -> 2420;
            case ML_DSA_65 -> 3309;
            case ML_DSA_87 -> 4627;
            default -> throw new IllegalArgumentException(type + " is not ML-DSA");
        };
    }

    private Signature engine(KeyType type) {
        return engines.computeIfAbsent(type, t -> JdkMlDsa.newSignature(t.algorithm()));
    }

    /** Every parameter set, under the family name. */
    public static final class Any extends MlDsaSignatureSpi {
        public Any() {
            super(EnumSet.of(KeyType.ML_DSA_44, KeyType.ML_DSA_65, KeyType.ML_DSA_87));
        }
    }

    public static final class MlDsa44 extends MlDsaSignatureSpi {
        public MlDsa44() {
            super(EnumSet.of(KeyType.ML_DSA_44));
        }
    }

    public static final class MlDsa65 extends MlDsaSignatureSpi {
        public MlDsa65() {
            super(EnumSet.of(KeyType.ML_DSA_65));
        }
    }

    public static final class MlDsa87 extends MlDsaSignatureSpi {
        public MlDsa87() {
            super(EnumSet.of(KeyType.ML_DSA_87));
        }
    }
}
