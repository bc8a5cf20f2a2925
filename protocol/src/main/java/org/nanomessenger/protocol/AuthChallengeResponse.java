// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A device's answer to the server's login challenge: the device signs the server's fresh nonce
 * with its identity key. Its signing input is
 *
 * <pre>
 * label "nano-messenger/v1/auth" || string username || string deviceId || bytes nonce
 *     || int64 issuedAtMillis
 * </pre>
 *
 * <p>in the encoding of {@link SigningInput}. The record holds a copy of the nonce.
 *
 * @param username the normalised username (see {@link Usernames})
 * @param deviceId the device's identifier, as registered
 * @param nonce the challenge the server issued, {@value #NONCE_LENGTH} random bytes
 * @param issuedAtMillis when the server issued the challenge, in milliseconds since the Unix epoch
 *        (UTC), as the server stated it
 */
public record AuthChallengeResponse(String username, String deviceId, byte[] nonce, long issuedAtMillis) {

    /** The length of a server challenge nonce in bytes. */
    public static final int NONCE_LENGTH = 32;

    /**
     * Copies {@code nonce}; every reference must be non-null. The nonce length is not checked here:
     * the server checks the whole response against the challenge it issued.
     */
    public AuthChallengeResponse {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(deviceId, "deviceId");
        nonce = Objects.requireNonNull(nonce, "nonce").clone();
    }

    /** The byte-exact input of the challenge signature, as the type's description lays out. */
    public byte[] signingInput() {
        return SigningInput.label(Labels.AUTH)
                .string(username)
                .string(deviceId)
                .bytes(nonce)
                .int64(issuedAtMillis)
                .toByteArray();
    }

    /** A copy of the challenge nonce. */
    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthChallengeResponse that
                && username.equals(that.username)
                && deviceId.equals(that.deviceId)
                && Arrays.equals(nonce, that.nonce)
                && issuedAtMillis == that.issuedAtMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, deviceId, Arrays.hashCode(nonce), issuedAtMillis);
    }

    @Override
    public String toString() {
        return "AuthChallengeResponse[username=" + username + ", deviceId=" + deviceId + ", nonce="
                + nonce.length + " bytes, issuedAtMillis=" + issuedAtMillis + "]";
    }
}
