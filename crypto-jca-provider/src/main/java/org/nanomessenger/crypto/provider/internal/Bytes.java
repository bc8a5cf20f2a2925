// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.HexFormat;

/** Small byte-array helpers: joining, zeroing, constant-time comparison and fingerprints. */
public final class Bytes {

    private Bytes() {
    }

    /** Joins the arrays in order into a new array. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** Overwrites each non-null array with zeros. */
    public static void zero(byte[]... secrets) {
        for (byte[] secret : secrets) {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** Compares in time that depends only on the lengths; naive form: {@code Arrays.equals(a, b)}. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** True when every byte is zero, without an early exit; naive form: a loop returning on a non-zero. */
    public static boolean isAllZero(byte[] value) {
        int acc = 0;
        for (byte b : value) {
            acc |= b;
        }
        return acc == 0;
    }

    /** The first eight bytes of SHA-256 over the value, in hex: safe to print for a key. */
    public static String fingerprint(byte[] value) {
        byte[] digest = sha256(value);
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** SHA-256 from the JDK (FIPS 180-4). */
    public static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("SHA-256 is missing from the JDK", e);
        }
    }
}
