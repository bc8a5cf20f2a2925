// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.key;

import java.io.Serial;
import java.security.KeyRep;
import java.security.PrivateKey;
import java.util.function.Consumer;
import java.util.function.Function;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.Der;

/**
 * A NanoPQ private key. It keeps the canonical secret (the expanded key for ML-KEM and ML-DSA, the
 * raw private key otherwise), the seed where known, and its public key. {@link #destroy()} zeroes
 * every secret array; {@link #toString()} shows only the public key's fingerprint.
 */
public final class NanoPrivateKey implements PrivateKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final KeyType type;
    private final byte[] secret;
    private final byte[] seed;
    private final NanoPublicKey publicKey;
    private transient volatile Object backend;
    private transient volatile Consumer<Object> backendDestroyer;
    private volatile boolean destroyed;

    NanoPrivateKey(KeyType type, byte[] secret, byte[] seed, NanoPublicKey publicKey) {
        this.type = type;
        this.secret = secret;
        this.seed = seed;
        this.publicKey = publicKey;
    }

    public KeyType type() {
        return type;
    }

    /** A copy of the canonical secret; the caller zeroes it after use. */
    public byte[] secret() {
        checkNotDestroyed();
        return secret.clone();
    }

    /** A copy of the seed (FIPS 203 d || z, FIPS 204 xi), or null when the key came without one. */
    public byte[] seed() {
        checkNotDestroyed();
        return seed == null ? null : seed.clone();
    }

    /** The matching public key, or null where it cannot be derived (an ML-DSA key without seed). */
    public NanoPublicKey publicKey() {
        return publicKey;
    }

    /**
     * The backend's decoded form of this key, made by {@code decoder} on first use and kept until
     * {@link #destroy()}, which hands it to {@code destroyer} so that it can zero what it holds.
     */
    @SuppressWarnings("unchecked")
    public <T> T backend(Function<NanoPrivateKey, T> decoder, Consumer<T> destroyer) {
        checkNotDestroyed();
        Object decoded = backend;
        if (decoded == null) {
            decoded = decoder.apply(this);
            backendDestroyer = (Consumer<Object>) destroyer;
            backend = decoded;
        }
        return (T) decoded;
    }

    @Override
    public String getAlgorithm() {
        return type.algorithm();
    }

    @Override
    public String getFormat() {
        return "PKCS#8";
    }

    /** The PKCS#8 encoding; ML-KEM and ML-DSA use the expandedKey form, which the JDK and BC both read. */
    @Override
    public byte[] getEncoded() {
        checkNotDestroyed();
        byte[] inner = switch (type.family()) {
            case ML_KEM, ML_DSA, X25519, ED25519 -> Der.tlv(Der.OCTET_STRING, secret);
            case X_WING, COMPOSITE, SLH_DSA -> secret.clone();
        };
        try {
            return Der.encodePrivateKeyInfo(type.oid(), inner);
        } finally {
            Bytes.zero(inner);
        }
    }

    @Override
    public synchronized void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        Bytes.zero(secret, seed);
        Object decoded = backend;
        Consumer<Object> destroyer = backendDestroyer;
        backend = null;
        if (decoded != null && destroyer != null) {
            destroyer.accept(decoded);
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        String id = publicKey == null ? "without public key" : "of public key " + publicKey.fingerprint();
        return "NanoPQ " + type.algorithm() + " private key " + id + (destroyed ? " (destroyed)" : "");
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("This " + type.algorithm() + " private key has been destroyed");
        }
    }

    @Serial
    private Object writeReplace() {
        return new KeyRep(KeyRep.Type.PRIVATE, getAlgorithm(), getFormat(), getEncoded());
    }
}
