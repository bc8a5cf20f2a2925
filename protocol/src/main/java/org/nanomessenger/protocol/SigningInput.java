// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Builds the byte-exact input a signature covers. There is one encoding, so that the server, every
 * client and every other implementation sign and verify the same bytes; JSON is never signed. All
 * integers are big-endian (network byte order). The input is the label, then each field in the
 * order the statement defines:
 *
 * <ul>
 *   <li>the label: an ASCII string field (see {@link Labels});</li>
 *   <li>{@link #bytes byte string} and {@link #string UTF-8 string}: a 4-byte unsigned length, then
 *       the bytes;</li>
 *   <li>{@link #int64 64-bit integer}: 8 bytes, two's complement, no length;</li>
 *   <li>{@link #uint8 enum code}: 1 byte, no length.</li>
 * </ul>
 *
 * <p>Every variable-length field carries its length, so no two sequences of fields of a statement
 * encode to the same bytes, and the label keeps one kind of statement from passing as another.
 * Example: {@code label("x").string("ab").int64(1)} is
 * {@code 00000001 78 00000002 6162 0000000000000001}. A builder is not thread-safe.
 */
public final class SigningInput {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    private SigningInput() {
    }

    /**
     * Starts a signing input with its domain-separation label.
     *
     * @param asciiLabel printable ASCII without blanks, normally one of the {@link Labels}
     * @throws IllegalArgumentException if the label is empty or not printable ASCII
     */
    public static SigningInput label(String asciiLabel) {
        Objects.requireNonNull(asciiLabel, "label");
        if (asciiLabel.isEmpty() || !asciiLabel.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("A signing label must be printable ASCII without blanks");
        }

        SigningInput input = new SigningInput();
        return input.bytes(asciiLabel.getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends a byte-string field: 4-byte big-endian length, then {@code value}. */
    public SigningInput bytes(byte[] value) {
        Objects.requireNonNull(value, "value");

        writeInt(value.length);
        out.writeBytes(value);
        return this;
    }

    /**
     * Appends a UTF-8 string field: 4-byte big-endian length of the UTF-8 bytes, then the bytes.
     *
     * @throws IllegalArgumentException if {@code value} holds an unpaired surrogate, which has no
     *         UTF-8 encoding (it would otherwise be replaced silently and sign other text)
     */
    public SigningInput string(String value) {
        Objects.requireNonNull(value, "value");

        return bytes(utf8(value));
    }

    /** Appends a 64-bit integer field: 8 bytes, two's complement, big-endian. */
    public SigningInput int64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /**
     * Appends a one-byte field, for enum codes.
     *
     * @throws IllegalArgumentException if {@code value} is not in 0..255
     */
    public SigningInput uint8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("A uint8 field must be in 0..255, got " + value);
        }

        out.write(value);
        return this;
    }

    /** The bytes written so far: a fresh copy on every call. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void writeInt(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
    }

    private static byte[] utf8(String value) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("A string field must be well-formed UTF-16 (no unpaired surrogate)",
                    e);
        }
    }
}
