// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.Objects;

import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.PrekeyKind;

/**
 * The first step of a session, in the spirit of Signal's PQXDH (revision 3) with every key
 * agreement a KEM: the initiator encapsulates to the responder's signed prekey and to one of its
 * one-time prekeys (or, when none is left, its last-resort prekey), makes an ephemeral key that
 * becomes its first ratchet key, and derives the root key and its first sending chain with
 * HKDF-SHA256 over both secrets, bound to both identity keys and the whole transcript.
 * docs/protocol.md §9.2 gives the exact inputs.
 *
 * <p>Sender authentication comes from the identity signature on every envelope (which covers the
 * ciphertext), not from the key agreement; the transcript binds both identity keys so that a
 * session cannot be claimed for other parties.
 */
public final class Handshake {

    private Handshake() {
    }

    /**
     * A party of the handshake.
     *
     * @param username the normalised username
     * @param identityKey the identity public key, SubjectPublicKeyInfo DER
     */
    public record Party(String username, byte[] identityKey) {

        public Party {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(identityKey, "identityKey");
        }
    }

    /**
     * A prekey of the responder, as its owner signed it.
     *
     * @param kind signed, one-time or last-resort
     * @param keyId the owner's id for it
     * @param publicKey SubjectPublicKeyInfo DER
     */
    public record PublicPrekey(PrekeyKind kind, long keyId, byte[] publicKey) {
    }

    /**
     * A prekey the responder holds.
     *
     * @param prekey the public half, as published
     * @param privateKey PKCS#8 DER
     */
    public record HeldPrekey(PublicPrekey prekey, byte[] privateKey) {
    }

    /** The responder's prekeys, looked up by kind and id. */
    @FunctionalInterface
    public interface PrekeyLookup {

        /** The prekey, or null if this side does not hold it (any more). */
        HeldPrekey find(PrekeyKind kind, long keyId);
    }

    /**
     * Starts a session as the initiator. The responder's prekeys must already be verified against
     * its identity key; {@code second} is the one-time prekey if the bundle had one, else the
     * last-resort prekey.
     *
     * @throws SessionException if a prekey cannot be encapsulated to
     */
    public static Session initiate(CryptoMode mode, Party initiator, Party responder, PublicPrekey signed,
            PublicPrekey second, long now) throws SessionException {
        String kem = mode.kemAlgorithm();
        Kems.Encapsulation toSigned = Kems.encapsulate(kem, signed.publicKey());
        Kems.Encapsulation toSecond = Kems.encapsulate(kem, second.publicKey());
        KeyPair ephemeral = Kems.generate(kem);
        byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();

        byte[] info = transcript(mode, initiator, responder, signed, second, toSigned.ciphertext(),
                toSecond.ciphertext(), ephemeralPublic);
        byte[] output = derive(toSigned.secret(), toSecond.secret(), info);

        SessionState state = newState(mode, responder.username(), info, output, now);
        state.sendChainKey = Kdf.second(output);
        state.sendChainCiphertext = new byte[0];
        state.ownRatchetPrivate = ephemeral.getPrivate().getEncoded();
        state.ownRatchetPublic = ephemeralPublic;
        state.pendingHandshake = new SessionMessage.Handshake(signed.keyId(), second.kind(), second.keyId(),
                toSigned.ciphertext(), toSecond.ciphertext());
        return new Session(state);
    }

    /**
     * Accepts a session as the responder, from the first message of it that arrives. The caller
     * deletes a one-time prekey once a message of the session has been opened with it.
     *
     * @throws SessionException if a prekey the handshake names is not held (a one-time prekey
     *         already used, for instance) or an encapsulation is invalid
     */
    public static Session respond(CryptoMode mode, Party responder, Party initiator, SessionMessage first,
            PrekeyLookup prekeys, long now) throws SessionException {
        SessionMessage.Handshake handshake = first.handshake();
        if (handshake == null) {
            throw new SessionException("The message does not start a session and its session is unknown");
        }
        HeldPrekey signed = prekeys.find(PrekeyKind.SIGNED, handshake.signedPrekeyId());
        HeldPrekey second = prekeys.find(handshake.secondPrekeyKind(), handshake.secondPrekeyId());
        if (signed == null || second == null) {
            throw new SessionException("The session was started with a prekey this device no longer holds");
        }

        String kem = mode.kemAlgorithm();
        byte[] signedSecret = Kems.decapsulate(kem, signed.privateKey(), handshake.signedPrekeyCiphertext());
        byte[] secondSecret = Kems.decapsulate(kem, second.privateKey(), handshake.secondPrekeyCiphertext());
        byte[] info = transcript(mode, initiator, responder, signed.prekey(), second.prekey(),
                handshake.signedPrekeyCiphertext(), handshake.secondPrekeyCiphertext(), first.ratchetKey());
        byte[] output = derive(signedSecret, secondSecret, info);

        SessionState state = newState(mode, initiator.username(), info, output, now);
        if (!Arrays.equals(state.sessionId, first.sessionId())) {
            throw new SessionException("The message's session id does not match its handshake");
        }
        state.receiveChainKey = Kdf.second(output);
        state.remoteRatchetPublic = first.ratchetKey();
        return new Session(state);
    }

    /** The HKDF info, which every later step of the session depends on through the root key. */
    static byte[] transcript(CryptoMode mode, Party initiator, Party responder, PublicPrekey signed,
            PublicPrekey second, byte[] signedCiphertext, byte[] secondCiphertext, byte[] ephemeralPublic) {
        return Wire.Writer.label(SessionLabels.SESSION).string(mode.wireName())
                .string(initiator.username()).bytes(initiator.identityKey())
                .string(responder.username()).bytes(responder.identityKey())
                .int64(signed.keyId()).bytes(signed.publicKey())
                .uint8(second.kind().code()).int64(second.keyId()).bytes(second.publicKey())
                .bytes(signedCiphertext).bytes(secondCiphertext).bytes(ephemeralPublic)
                .toByteArray();
    }

    /** HKDF-SHA256 (RFC 5869) with a salt of 32 zero bytes over both KEM secrets: RK || CK. */
    static byte[] derive(byte[] signedSecret, byte[] secondSecret, byte[] info) {
        byte[] ikm = new byte[signedSecret.length + secondSecret.length];
        System.arraycopy(signedSecret, 0, ikm, 0, signedSecret.length);
        System.arraycopy(secondSecret, 0, ikm, signedSecret.length, secondSecret.length);
        try {
            return Kdf.hkdf(new byte[Kdf.KEY_LENGTH], ikm, info, 2 * Kdf.KEY_LENGTH);
        } finally {
            Arrays.fill(ikm, (byte) 0);
            Arrays.fill(signedSecret, (byte) 0);
            Arrays.fill(secondSecret, (byte) 0);
        }
    }

    private static SessionState newState(CryptoMode mode, String peer, byte[] info, byte[] output, long now) {
        SessionState state = new SessionState();
        state.peer = peer;
        state.mode = mode.wireName();
        state.sessionId = sessionId(info);
        state.rootKey = Kdf.first(output);
        state.createdAt = now;
        return state;
    }

    /** The first 16 bytes of SHA-256 of the transcript: both sides compute the same. */
    static byte[] sessionId(byte[] info) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(info), SessionMessage.SESSION_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException(e);
        }
    }
}
