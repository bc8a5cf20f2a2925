// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An encrypted message in transit, signed by its sender. The server stores and forwards it without
 * being able to read it; the signature lets the recipient, and the server, check who sent it. Its
 * signing input is
 *
 * <pre>
 * label "nano-messenger/v1/envelope" || bytes id || string sender || string recipient
 *     || string mode.wireName() || int64 timestampMillis || bytes ciphertext
 * </pre>
 *
 * <p>in the encoding of {@link SigningInput}, where {@code id} is the UUID's 16 bytes (RFC 9562
 * §4: the most significant 64 bits, then the least significant 64 bits, big-endian) written as a
 * byte-string field, so with its length {@code 00000010}. The record holds a copy of the
 * ciphertext and never prints it.
 *
 * @param id the envelope's identifier, chosen by the sender
 * @param sender the sender's normalised username (see {@link Usernames})
 * @param recipient the recipient's normalised username
 * @param mode the crypto mode the ciphertext was sealed in
 * @param timestampMillis when the sender signed, in milliseconds since the Unix epoch (UTC)
 * @param ciphertext the sealed message
 */
public record Envelope(UUID id, String sender, String recipient, CryptoMode mode, long timestampMillis,
        byte[] ciphertext) {

    /** Copies {@code ciphertext}; every reference must be non-null. */
    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(mode, "mode");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    /** The byte-exact input of the sender's signature, as the type's description lays out. */
    public byte[] signingInput() {
        return SigningInput.label(Labels.ENVELOPE)
                .bytes(uuidBytes(id))
                .string(sender)
                .string(recipient)
                .string(mode.wireName())
                .int64(timestampMillis)
                .bytes(ciphertext)
                .toByteArray();
    }

    /** A copy of the ciphertext. */
    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that
                && id.equals(that.id)
                && sender.equals(that.sender)
                && recipient.equals(that.recipient)
                && mode == that.mode
                && timestampMillis == that.timestampMillis
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sender, recipient, mode, timestampMillis, Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "Envelope[id=" + id + ", sender=" + sender + ", recipient=" + recipient + ", mode=" + mode.wireName()
                + ", timestampMillis=" + timestampMillis + ", ciphertext=" + ciphertext.length + " bytes]";
    }

    private static byte[] uuidBytes(UUID id) {
        byte[] bytes = new byte[16];
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }
}
