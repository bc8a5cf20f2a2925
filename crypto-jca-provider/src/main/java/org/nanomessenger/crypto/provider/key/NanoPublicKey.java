// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.key;

import java.io.Serial;
import java.security.KeyRep;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.function.Function;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.Der;

/**
 * A NanoPQ public key: its type and its raw encoding (the bytes the algorithm's standard defines).
 * {@link #getEncoded()} is the X.509 SubjectPublicKeyInfo with the standard OID. Instances are
 * immutable; a backend's decoded form of the key is kept alongside so it is decoded once.
 */
public final class NanoPublicKey implements PublicKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final KeyType type;
    private final byte[] raw;
    private transient volatile Object backend;

    NanoPublicKey(KeyType type, byte[] raw) {
        this.type = type;
        this.raw = raw.clone();
    }

    public KeyType type() {
        return type;
    }

    /** A copy of the raw encoding. */
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * The backend's decoded form of this key, made by {@code decoder} on first use and kept. Two
     * threads may both decode on a race; either result is correct.
     */
    @SuppressWarnings("unchecked")
    public <T> T backend(Function<NanoPublicKey, T> decoder) {
        Object decoded = backend;
        if (decoded == null) {
            decoded = decoder.apply(this);
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
        return "X.509";
    }

    @Override
    public byte[] getEncoded() {
        return Der.encodeSubjectPublicKeyInfo(type.oid(), raw);
    }

    /** The first 8 bytes of SHA-256 over the raw key, in hex. */
    public String fingerprint() {
        return Bytes.fingerprint(raw);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NanoPublicKey key && key.type == type && Arrays.equals(key.raw, raw);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "NanoPQ " + type.algorithm() + " public key " + fingerprint();
    }

    @Serial
    private Object writeReplace() {
        return new KeyRep(KeyRep.Type.PUBLIC, getAlgorithm(), getFormat(), getEncoded());
    }
}
