// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Base64;

/**
 * The encoding of every binary field in the JSON API: base64url, the URL- and filename-safe
 * alphabet of RFC 4648 §5, without padding. Decoding is strict, so that each byte string has
 * exactly one text form: it refuses padding ({@code =}), whitespace, the standard alphabet's
 * {@code +} and {@code /}, a length that no byte string encodes to (4n + 1), and non-zero pad bits
 * in the last character (RFC 4648 §3.5).
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    /** Encodes {@code bytes} as unpadded base64url. */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes unpadded base64url, strictly.
     *
     * @throws ProtocolException with {@link Problem#MALFORMED_INPUT} if {@code text} is null or not
     *         the canonical unpadded base64url encoding of some bytes
     */
    public static byte[] decode(String text) throws ProtocolException {
        if (text == null) {
            throw malformed("a base64url value is required");
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isAlphabet(text.charAt(i))) {
                throw malformed("character " + i + " is not in the unpadded base64url alphabet A-Z a-z 0-9 - _");
            }
        }
        if (text.length() % 4 == 1) {
            throw malformed("a length of 4n + 1 characters encodes no bytes");
        }

        byte[] bytes = DECODER.decode(text);
        // The JDK ignores non-zero pad bits; a second spelling of the same bytes is refused
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw malformed("the last character has non-zero pad bits");
        }
        return bytes;
    }

    private static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static ProtocolException malformed(String why) {
        return new ProtocolException(Problem.MALFORMED_INPUT, "Malformed base64url (RFC 4648 §5, unpadded): " + why);
    }
}
