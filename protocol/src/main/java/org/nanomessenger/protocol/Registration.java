// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A new device's signed claim to a username: the device signs it with the identity key it
 * registers, proving it holds the private key. Its signing input is
 *
 * <pre>
 * label "nano-messenger/v1/register" || string username || string deviceId
 *     || string identityAlgorithm || bytes identityKey || int64 timestampMillis
 * </pre>
 *
 * <p>in the encoding of {@link SigningInput}. The record holds copies of its arrays.
 *
 * @param username the normalised username (see {@link Usernames})
 * @param deviceId the device's identifier, chosen by the client
 * @param identityAlgorithm the JCA name of the identity key's algorithm, one of the
 *        {@link CryptoMode#signatureAlgorithm() signature algorithms}
 * @param identityKey the identity public key as X.509 SubjectPublicKeyInfo DER (RFC 5280 §4.1)
 * @param timestampMillis when the client signed, in milliseconds since the Unix epoch (UTC)
 */
public record Registration(String username, String deviceId, String identityAlgorithm, byte[] identityKey,
        long timestampMillis) {

    /** Copies {@code identityKey}; every reference must be non-null. */
    public Registration {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(identityAlgorithm, "identityAlgorithm");
        identityKey = Objects.requireNonNull(identityKey, "identityKey").clone();
    }

    /** The byte-exact input of the registration signature, as the type's description lays out. */
    public byte[] signingInput() {
        return SigningInput.label(Labels.REGISTER)
                .string(username)
                .string(deviceId)
                .string(identityAlgorithm)
                .bytes(identityKey)
                .int64(timestampMillis)
                .toByteArray();
    }

    /** A copy of the SubjectPublicKeyInfo DER. */
    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Registration that
                && username.equals(that.username)
                && deviceId.equals(that.deviceId)
                && identityAlgorithm.equals(that.identityAlgorithm)
                && Arrays.equals(identityKey, that.identityKey)
                && timestampMillis == that.timestampMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, deviceId, identityAlgorithm, Arrays.hashCode(identityKey), timestampMillis);
    }

    @Override
    public String toString() {
        return "Registration[username=" + username + ", deviceId=" + deviceId + ", identityAlgorithm="
                + identityAlgorithm + ", identityKey=" + identityKey.length + " bytes, timestampMillis="
                + timestampMillis + "]";
    }
}
