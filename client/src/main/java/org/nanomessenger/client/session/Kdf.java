// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.util.Arrays;

import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key derivations of the session protocol: HKDF-SHA256 (RFC 5869) through the JDK's
 * {@code javax.crypto.KDF}, and the HMAC-SHA256 chain step of the Double Ratchet specification
 * (§5.2 of its recommended functions).
 */
final class Kdf {

    static final int KEY_LENGTH = 32;
    private static final byte[] MESSAGE_KEY_INPUT = {0x01};
    private static final byte[] CHAIN_KEY_INPUT = {0x02};

    private Kdf() {
    }

    /** HKDF-SHA256 extract-then-expand (RFC 5869 §2.2, §2.3) of {@code length} bytes. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        try {
            HKDFParameterSpec spec = HKDFParameterSpec.ofExtract().addSalt(salt).addIKM(ikm)
                    .thenExpand(info, length);
            return KDF.getInstance("HKDF-SHA256").deriveData(spec);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("HKDF-SHA256 failed", e);
        }
    }

    /** The message key of a chain key: HMAC-SHA256(CK, 0x01). */
    static byte[] messageKey(byte[] chainKey) {
        return hmac(chainKey, MESSAGE_KEY_INPUT);
    }

    /** The next chain key: HMAC-SHA256(CK, 0x02). */
    static byte[] nextChainKey(byte[] chainKey) {
        return hmac(chainKey, CHAIN_KEY_INPUT);
    }

    static byte[] first(byte[] output) {
        return Arrays.copyOfRange(output, 0, KEY_LENGTH);
    }

    static byte[] second(byte[] output) {
        return Arrays.copyOfRange(output, KEY_LENGTH, 2 * KEY_LENGTH);
    }

    private static byte[] hmac(byte[] key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new ProviderException("HmacSHA256 failed", e);
        }
    }
}
