// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;

/**
 * Safety numbers: 60 digits two users read to each other to check that each holds the other's real
 * identity key. The construction follows the idea of Signal's numeric fingerprints (iterated
 * SHA-512 over the key and the name, 30 digits per user, the two halves in a fixed order) under
 * our own label; docs/protocol.md §9.8 has the exact steps.
 */
public final class SafetyNumbers {

    /** SHA-512 iterations: slows down a search for a key with a colliding number. */
    static final int ITERATIONS = 5200;
    private static final int DIGIT_BYTES = 30;
    private static final long CHUNK_MODULUS = 100_000L;

    private SafetyNumbers() {
    }

    /**
     * The safety number of two users: the 30 digits of each, the user whose name sorts first
     * (by UTF-8 bytes, as Java's {@code String.compareTo} does for these ASCII names) first.
     */
    public static String of(String userA, byte[] identityKeyA, String userB, byte[] identityKeyB) {
        String a = digits(userA, identityKeyA);
        String b = digits(userB, identityKeyB);
        return userA.compareTo(userB) <= 0 ? a + b : b + a;
    }

    /**
     * One user's 30 digits. {@code h0 = SHA-512(label || username || identityKey)} in the field
     * encoding of signing inputs, {@code h(i+1) = SHA-512(h(i) || identityKey)}, 5200 times; the
     * first 30 bytes of the last hash, in six 5-byte big-endian chunks, each modulo 100000 as five
     * digits.
     */
    static String digits(String username, byte[] identityKey) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            byte[] hash = sha512.digest(Wire.Writer.label(SessionLabels.SAFETY_NUMBER)
                    .bytes(username.getBytes(StandardCharsets.UTF_8)).bytes(identityKey).toByteArray());
            for (int i = 0; i < ITERATIONS; i++) {
                sha512.update(hash);
                hash = sha512.digest(identityKey);
            }

            StringBuilder digits = new StringBuilder(30);
            for (int offset = 0; offset < DIGIT_BYTES; offset += 5) {
                long chunk = 0;
                for (int i = 0; i < 5; i++) {
                    chunk = chunk << 8 | (hash[offset + i] & 0xff);
                }
                digits.append(String.format("%05d", chunk % CHUNK_MODULUS));
            }
            return digits.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException(e);
        }
    }
}
