// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A KEM public key a user publishes, signed with their identity key so that the server cannot
 * substitute its own. Its signing input is
 *
 * <pre>
 * label "nano-messenger/v1/prekey" || string username || uint8 kind.code() || int64 keyId
 *     || string algorithm || bytes publicKey
 * </pre>
 *
 * <p>in the encoding of {@link SigningInput}. The record holds a copy of the key.
 *
 * @param username the normalised username of the owner (see {@link Usernames})
 * @param kind signed, last-resort or one-time
 * @param keyId the owner's identifier for this key, unique per user and kind
 * @param algorithm the JCA name of the KEM, one of the {@link CryptoMode#kemAlgorithm() KEM
 *        algorithms}
 * @param publicKey the KEM public key as X.509 SubjectPublicKeyInfo DER (RFC 5280 §4.1)
 */
public record Prekey(String username, PrekeyKind kind, long keyId, String algorithm, byte[] publicKey) {

    /** Copies {@code publicKey}; every reference must be non-null. */
    public Prekey {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(algorithm, "algorithm");
        publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    }

    /** The byte-exact input of the prekey signature, as the type's description lays out. */
    public byte[] signingInput() {
        return SigningInput.label(Labels.PREKEY)
                .string(username)
                .uint8(kind.code())
                .int64(keyId)
                .string(algorithm)
                .bytes(publicKey)
                .toByteArray();
    }

    /** A copy of the SubjectPublicKeyInfo DER. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prekey that
                && username.equals(that.username)
                && kind == that.kind
                && keyId == that.keyId
                && algorithm.equals(that.algorithm)
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, kind, keyId, algorithm, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return "Prekey[username=" + username + ", kind=" + kind.wireName() + ", keyId=" + keyId + ", algorithm="
                + algorithm + ", publicKey=" + publicKey.length + " bytes]";
    }
}
