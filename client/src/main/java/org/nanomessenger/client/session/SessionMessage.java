// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.util.Objects;

import org.nanomessenger.protocol.PrekeyKind;

/**
 * The {@code ciphertext} of an envelope: a session header in the clear, then the AES-256-GCM
 * sealed payload. The encoding (docs/protocol.md §9.5) is
 *
 * <pre>
 * uint8 version (1) || bytes sessionId || bytes ratchetKey || bytes ratchetCiphertext
 *     || int64 previousChainLength || int64 messageNumber || uint8 hasHandshake
 *     [ || int64 signedPrekeyId || uint8 secondPrekeyKind || int64 secondPrekeyId
 *       || bytes signedPrekeyCiphertext || bytes secondPrekeyCiphertext ]
 *     || bytes sealed
 * </pre>
 *
 * <p>Everything before {@code sealed} is the header, which the payload's associated data covers.
 *
 * @param sessionId the 16-byte id of the session, from its handshake
 * @param ratchetKey the sender's current ratchet public key, SubjectPublicKeyInfo DER
 * @param ratchetCiphertext the KEM ciphertext that started the sender's current chain, empty for
 *        the initiator's first chain (the handshake started it)
 * @param previousChainLength how many messages the sender sent in its previous chain
 * @param messageNumber this message's number in the sender's current chain, from 0
 * @param handshake the handshake, present until the initiator has heard from the responder
 * @param sealed the AES-256-GCM ciphertext and tag of the padded payload
 */
public record SessionMessage(byte[] sessionId, byte[] ratchetKey, byte[] ratchetCiphertext,
        long previousChainLength, long messageNumber, Handshake handshake, byte[] sealed) {

    static final int VERSION = 1;
    static final int SESSION_ID_LENGTH = 16;
    private static final int MAX_KEY_BYTES = 4096;
    private static final int MAX_SEALED_BYTES = 1 << 24;

    /**
     * What the responder needs to run its side of the handshake.
     *
     * @param signedPrekeyId the id of the responder's signed prekey that was used
     * @param secondPrekeyKind {@code ONE_TIME} or {@code LAST_RESORT}
     * @param secondPrekeyId the id of that second prekey
     * @param signedPrekeyCiphertext the encapsulation to the signed prekey
     * @param secondPrekeyCiphertext the encapsulation to the second prekey
     */
    public record Handshake(long signedPrekeyId, PrekeyKind secondPrekeyKind, long secondPrekeyId,
            byte[] signedPrekeyCiphertext, byte[] secondPrekeyCiphertext) {

        public Handshake {
            Objects.requireNonNull(secondPrekeyKind, "secondPrekeyKind");
            if (secondPrekeyKind == PrekeyKind.SIGNED) {
                throw new IllegalArgumentException("The second prekey is one-time or last-resort");
            }
        }
    }

    /** The header: the encoding up to, not including, {@code sealed}. */
    byte[] header() {
        Wire.Writer out = new Wire.Writer().uint8(VERSION).bytes(sessionId).bytes(ratchetKey)
                .bytes(ratchetCiphertext).int64(previousChainLength).int64(messageNumber)
                .uint8(handshake == null ? 0 : 1);
        if (handshake != null) {
            out.int64(handshake.signedPrekeyId()).uint8(handshake.secondPrekeyKind().code())
                    .int64(handshake.secondPrekeyId()).bytes(handshake.signedPrekeyCiphertext())
                    .bytes(handshake.secondPrekeyCiphertext());
        }
        return out.toByteArray();
    }

    /** The whole encoding: the header, then {@code sealed} as a byte-string field. */
    public byte[] encode() {
        byte[] header = header();
        byte[] whole = new byte[header.length + 4 + sealed.length];
        System.arraycopy(header, 0, whole, 0, header.length);
        whole[header.length] = (byte) (sealed.length >>> 24);
        whole[header.length + 1] = (byte) (sealed.length >>> 16);
        whole[header.length + 2] = (byte) (sealed.length >>> 8);
        whole[header.length + 3] = (byte) sealed.length;
        System.arraycopy(sealed, 0, whole, header.length + 4, sealed.length);
        return whole;
    }

    /**
     * Parses an envelope's ciphertext.
     *
     * @throws MessageFormatException if it does not follow the encoding exactly
     */
    public static SessionMessage parse(byte[] encoded) throws MessageFormatException {
        Wire.Reader in = new Wire.Reader(encoded);
        int version = in.uint8();
        if (version != VERSION) {
            throw new MessageFormatException("version " + version + " is not supported");
        }
        byte[] sessionId = in.bytes(SESSION_ID_LENGTH);
        if (sessionId.length != SESSION_ID_LENGTH) {
            throw new MessageFormatException("a session id has 16 bytes");
        }
        byte[] ratchetKey = in.bytes(MAX_KEY_BYTES);
        byte[] ratchetCiphertext = in.bytes(MAX_KEY_BYTES);
        long previousChainLength = in.int64();
        long messageNumber = in.int64();
        if (previousChainLength < 0 || messageNumber < 0) {
            throw new MessageFormatException("negative message number");
        }

        Handshake handshake = switch (in.uint8()) {
            case 0 -> null;
            case 1 -> readHandshake(in);
            default -> throw new MessageFormatException("the handshake flag is 0 or 1");
        };
        byte[] sealed = in.bytes(MAX_SEALED_BYTES);
        in.end();
        return new SessionMessage(sessionId, ratchetKey, ratchetCiphertext, previousChainLength, messageNumber,
                handshake, sealed);
    }

    private static Handshake readHandshake(Wire.Reader in) throws MessageFormatException {
        long signedPrekeyId = in.int64();
        int kindCode = in.uint8();
        PrekeyKind kind = kindCode == PrekeyKind.ONE_TIME.code() ? PrekeyKind.ONE_TIME
                : kindCode == PrekeyKind.LAST_RESORT.code() ? PrekeyKind.LAST_RESORT : null;
        if (kind == null) {
            throw new MessageFormatException("the second prekey kind is 2 or 3, not " + kindCode);
        }
        long secondPrekeyId = in.int64();
        return new Handshake(signedPrekeyId, kind, secondPrekeyId, in.bytes(MAX_KEY_BYTES), in.bytes(MAX_KEY_BYTES));
    }
}
