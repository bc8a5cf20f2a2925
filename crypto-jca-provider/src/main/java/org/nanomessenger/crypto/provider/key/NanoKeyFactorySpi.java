// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.key;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumSet;
import java.util.Set;

import org.nanomessenger.crypto.provider.SelfTest;
import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.Der;
import org.nanomessenger.crypto.provider.spec.RawKeySpec;

/**
 * Converts between NanoPQ keys and {@link X509EncodedKeySpec}, {@link PKCS8EncodedKeySpec} and
 * {@link RawKeySpec}, and translates other providers' keys of the same algorithm.
 */
public abstract class NanoKeyFactorySpi extends KeyFactorySpi {

    private final Set<KeyType> accepted;

    protected NanoKeyFactorySpi(Set<KeyType> accepted) {
        SelfTest.requirePassed(accepted.iterator().next().family());
        this.accepted = accepted;
    }

    @Override
    protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
        if (spec instanceof X509EncodedKeySpec x509) {
            try {
                Der.PublicKeyInfo info = Der.decodeSubjectPublicKeyInfo(x509.getEncoded());
                return Keys.publicKey(typeForOid(info.oid()), info.key());
            } catch (Der.DerException e) {
                throw new InvalidKeySpecException("Malformed SubjectPublicKeyInfo: " + e.getMessage(), e);
            }
        }
        if (spec instanceof RawKeySpec raw) {
            byte[] key = raw.getKey();
            return Keys.publicKey(typeForLength(key.length, true), key);
        }
        throw new InvalidKeySpecException("Unsupported public key spec: " + describe(spec));
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
        if (spec instanceof PKCS8EncodedKeySpec pkcs8) {
            byte[] encoded = pkcs8.getEncoded();
            try {
                Der.PrivateKeyInfo info = Der.decodePrivateKeyInfo(encoded);
                try {
                    return Keys.fromPrivateKeyContent(typeForOid(info.oid()), info.key());
                } finally {
                    Bytes.zero(info.key());
                }
            } catch (Der.DerException e) {
                throw new InvalidKeySpecException("Malformed PKCS#8 private key: " + e.getMessage(), e);
            } finally {
                Bytes.zero(encoded);
            }
        }
        if (spec instanceof RawKeySpec raw) {
            byte[] key = raw.getKey();
            try {
                return Keys.privateKey(typeForLength(key.length, false), key);
            } finally {
                Bytes.zero(key);
            }
        }
        throw new InvalidKeySpecException("Unsupported private key spec: " + describe(spec));
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> specClass) throws InvalidKeySpecException {
        Key nano;
        try {
            nano = translate(key);
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        }
        if (specClass.isAssignableFrom(X509EncodedKeySpec.class) && nano instanceof NanoPublicKey publicKey) {
            return specClass.cast(new X509EncodedKeySpec(publicKey.getEncoded()));
        }
        if (specClass.isAssignableFrom(PKCS8EncodedKeySpec.class) && nano instanceof NanoPrivateKey privateKey) {
            return specClass.cast(new PKCS8EncodedKeySpec(privateKey.getEncoded()));
        }
        if (specClass.isAssignableFrom(RawKeySpec.class)) {
            if (nano instanceof NanoPublicKey publicKey) {
                return specClass.cast(new RawKeySpec(publicKey.raw()));
            }
            NanoPrivateKey privateKey = (NanoPrivateKey) nano;
            byte[] raw = privateKey.seed() != null ? privateKey.seed() : privateKey.secret();
            try {
                return specClass.cast(new RawKeySpec(raw));
            } finally {
                Bytes.zero(raw);
            }
        }
        throw new InvalidKeySpecException("Cannot express a " + key.getAlgorithm() + " "
                + (nano instanceof PublicKey ? "public" : "private") + " key as " + specClass.getName());
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        return translate(key);
    }

    private Key translate(Key key) throws InvalidKeyException {
        if (key instanceof PublicKey) {
            return Keys.toNanoPublic(key, accepted);
        }
        if (key instanceof PrivateKey) {
            return Keys.toNanoPrivate(key, accepted);
        }
        throw new InvalidKeyException("Expected a public or private key, got " + (key == null ? "null" : key));
    }

    private KeyType typeForOid(String oid) throws InvalidKeySpecException {
        return KeyType.forOid(oid).filter(accepted::contains)
                .orElseThrow(() -> new InvalidKeySpecException("Key algorithm " + oid + " is not " + names()));
    }

    /** A family-level factory tells the parameter set of a raw key by its length, which differs per set. */
    private KeyType typeForLength(int length, boolean publicKey) throws InvalidKeySpecException {
        if (accepted.size() == 1) {
            return accepted.iterator().next();
        }
        return accepted.stream()
                .filter(t -> publicKey ? t.publicLength() == length
                        : t.privateLength() == length || t.seedLength() == length)
                .reduce((a, b) -> {
                    throw new IllegalStateException("ambiguous");
                })
                .orElseThrow(() -> new InvalidKeySpecException("No " + names() + " raw "
                        + (publicKey ? "public" : "private") + " key is " + length + " bytes long"));
    }

    private String names() {
        return String.join(" or ", accepted.stream().map(KeyType::algorithm).sorted().toList());
    }

    private static String describe(KeySpec spec) {
        return spec == null ? "null" : spec.getClass().getName();
    }

    /** Every ML-KEM parameter set. */
    public static final class MlKem extends NanoKeyFactorySpi {
        public MlKem() {
            super(EnumSet.of(KeyType.ML_KEM_512, KeyType.ML_KEM_768, KeyType.ML_KEM_1024));
        }
    }

    public static final class MlKem512 extends NanoKeyFactorySpi {
        public MlKem512() {
            super(EnumSet.of(KeyType.ML_KEM_512));
        }
    }

    public static final class MlKem768 extends NanoKeyFactorySpi {
        public MlKem768() {
            super(EnumSet.of(KeyType.ML_KEM_768));
        }
    }

    public static final class MlKem1024 extends NanoKeyFactorySpi {
        public MlKem1024() {
            super(EnumSet.of(KeyType.ML_KEM_1024));
        }
    }

    public static final class X25519 extends NanoKeyFactorySpi {
        public X25519() {
            super(EnumSet.of(KeyType.X25519));
        }
    }

    public static final class XWing extends NanoKeyFactorySpi {
        public XWing() {
            super(EnumSet.of(KeyType.X_WING));
        }
    }

    /** Every ML-DSA parameter set. */
    public static final class MlDsa extends NanoKeyFactorySpi {
        public MlDsa() {
            super(EnumSet.of(KeyType.ML_DSA_44, KeyType.ML_DSA_65, KeyType.ML_DSA_87));
        }
    }

    public static final class MlDsa44 extends NanoKeyFactorySpi {
        public MlDsa44() {
            super(EnumSet.of(KeyType.ML_DSA_44));
        }
    }

    public static final class MlDsa65 extends NanoKeyFactorySpi {
        public MlDsa65() {
            super(EnumSet.of(KeyType.ML_DSA_65));
        }
    }

    public static final class MlDsa87 extends NanoKeyFactorySpi {
        public MlDsa87() {
            super(EnumSet.of(KeyType.ML_DSA_87));
        }
    }

    public static final class Ed25519 extends NanoKeyFactorySpi {
        public Ed25519() {
            super(EnumSet.of(KeyType.ED25519));
        }
    }

    public static final class MlDsa65Ed25519 extends NanoKeyFactorySpi {
        public MlDsa65Ed25519() {
            super(EnumSet.of(KeyType.MLDSA65_ED25519_SHA512));
        }
    }

    public static final class SlhDsaSha2128s extends NanoKeyFactorySpi {
        public SlhDsaSha2128s() {
            super(EnumSet.of(KeyType.SLH_DSA_SHA2_128S));
        }
    }

    public static final class SlhDsaSha2128f extends NanoKeyFactorySpi {
        public SlhDsaSha2128f() {
            super(EnumSet.of(KeyType.SLH_DSA_SHA2_128F));
        }
    }

    public static final class SlhDsaShake128f extends NanoKeyFactorySpi {
        public SlhDsaShake128f() {
            super(EnumSet.of(KeyType.SLH_DSA_SHAKE_128F));
        }
    }
}
