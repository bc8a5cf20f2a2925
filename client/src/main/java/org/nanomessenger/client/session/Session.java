// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.nanomessenger.protocol.CryptoMode;

/**
 * One side of a session: the handshake's result driven through a KEM ratchet, in the shape of the
 * Double Ratchet (Signal, revision 4, 2025) with each Diffie-Hellman ratchet step replaced by a KEM
 * encapsulation to the peer's latest ratchet key, as in post-quantum ratchets built on KEMs.
 * Every message advances a symmetric chain and uses its own key once; each turn of the
 * conversation's direction mixes a fresh KEM secret into the root key. docs/protocol.md §9
 * specifies every step.
 *
 * <p>{@link #decrypt} works on a copy and commits it only when the payload authenticates, so a
 * message that fails leaves the session exactly as it was.
 */
public final class Session {

    /** The most message keys one message may make the receiver skip. */
    public static final int MAX_SKIP = 1000;
    /** The most skipped message keys a session keeps; the oldest go first. */
    public static final int MAX_SKIPPED_KEYS = 2000;

    private static final int GCM_TAG_BITS = 128;
    private static final int GCM_NONCE_LENGTH = 12;
    private static final int PADDING_BLOCK = 64;

    private final SessionState state;

    /** Wraps a stored state; the session changes it in place. */
    public Session(SessionState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** The state this session changes, to be stored by the caller. */
    public SessionState state() {
        return state;
    }

    /** The session's mode: the KEM of all its key agreements and the mode of its envelopes. */
    public CryptoMode mode() {
        return CryptoMode.fromWireName(state.mode);
    }

    /**
     * Seals {@code plaintext} as the next message of this session, for the envelope described by
     * {@code envelope}, and advances the sending chain: the message key is gone afterwards.
     *
     * @return the envelope's ciphertext: the encoded {@link SessionMessage}
     * @throws SessionException if the peer's ratchet key is unusable
     */
    public byte[] encrypt(byte[] plaintext, EnvelopeContext envelope) throws SessionException {
        if (state.sendChainKey == null) {
            stepSending();
        }

        // Double Ratchet §3.4 RatchetEncrypt: one step of the sending chain
        byte[] messageKey = Kdf.messageKey(state.sendChainKey);
        state.sendChainKey = Kdf.nextChainKey(state.sendChainKey);
        long number = state.sendCount++;

        SessionMessage unsealed = new SessionMessage(state.sessionId, state.ownRatchetPublic,
                state.sendChainCiphertext, state.previousSendCount, number, state.pendingHandshake, new byte[0]);
        byte[] header = unsealed.header();
        byte[] sealed = seal(messageKey, pad(plaintext), envelope.associatedData(header));
        return new SessionMessage(unsealed.sessionId(), unsealed.ratchetKey(), unsealed.ratchetCiphertext(),
                unsealed.previousChainLength(), number, unsealed.handshake(), sealed).encode();
    }

    /**
     * Opens a message of this session. On success the session has advanced and the message key is
     * deleted, so the same message cannot be opened twice; on failure nothing changed.
     *
     * @throws SessionException if the message's key is gone (already read), it is too far ahead,
     *         its KEM ciphertext is invalid or the payload does not authenticate
     */
    public byte[] decrypt(SessionMessage message, EnvelopeContext envelope) throws SessionException {
        if (!Arrays.equals(message.sessionId(), state.sessionId)) {
            throw new SessionException("The message belongs to another session");
        }
        SessionState working = state.copy();
        byte[] associatedData = envelope.associatedData(message.header());

        byte[] skipped = working.skipped().remove(skippedKeyName(message.ratchetKey(), message.messageNumber()));
        // A copy: the stored array must survive if this message fails, since open() wipes its key
        byte[] messageKey = skipped != null ? skipped.clone() : nextReceivingKey(working, message);

        byte[] plaintext = unpad(open(messageKey, message.sealed(), associatedData));
        // The peer has the session: stop repeating the handshake
        working.pendingHandshake = null;
        state.assign(working);
        return plaintext;
    }

    /** Double Ratchet §3.5 RatchetDecrypt, with the KEM step in place of DHRatchet. */
    private static byte[] nextReceivingKey(SessionState working, SessionMessage message) throws SessionException {
        boolean newChain = working.remoteRatchetPublic == null
                || !MessageDigest.isEqual(working.remoteRatchetPublic, message.ratchetKey());
        if (newChain) {
            if (working.receiveChainKey != null) {
                skipTo(working, message.previousChainLength());
            }
            stepReceiving(working, message);
        }
        if (message.messageNumber() < working.receiveCount) {
            throw new SessionException("The message was already read: its key is deleted");
        }

        skipTo(working, message.messageNumber());
        byte[] messageKey = Kdf.messageKey(working.receiveChainKey);
        working.receiveChainKey = Kdf.nextChainKey(working.receiveChainKey);
        working.receiveCount++;
        return messageKey;
    }

    /** The peer turned the conversation: decapsulate its chain's secret and start a receiving chain. */
    private static void stepReceiving(SessionState working, SessionMessage message) throws SessionException {
        if (message.ratchetCiphertext().length == 0 || working.ownRatchetPrivate == null) {
            throw new SessionException("The message starts a chain this side cannot open");
        }
        String kem = CryptoMode.fromWireName(working.mode).kemAlgorithm();
        byte[] secret = Kems.decapsulate(kem, working.ownRatchetPrivate, message.ratchetCiphertext());
        byte[] output = rootStep(working, secret, message.ratchetKey(), message.ratchetCiphertext());
        Arrays.fill(secret, (byte) 0);

        working.rootKey = Kdf.first(output);
        working.receiveChainKey = Kdf.second(output);
        working.receiveCount = 0;
        working.remoteRatchetPublic = message.ratchetKey();
        // Nothing more is encapsulated to this key: delete it (forward secrecy)
        working.ownRatchetPrivate = null;
        working.sendChainKey = null;
    }

    /** Our turn after the peer's: a fresh ratchet key, and a KEM secret encapsulated to theirs. */
    private void stepSending() throws SessionException {
        if (state.remoteRatchetPublic == null) {
            throw new SessionException("The session has no ratchet key of the peer yet");
        }
        String kem = mode().kemAlgorithm();
        KeyPair next = Kems.generate(kem);
        Kems.Encapsulation encapsulation = Kems.encapsulate(kem, state.remoteRatchetPublic);
        byte[] ownPublic = next.getPublic().getEncoded();
        byte[] output = rootStep(state, encapsulation.secret(), ownPublic, encapsulation.ciphertext());
        Arrays.fill(encapsulation.secret(), (byte) 0);

        state.rootKey = Kdf.first(output);
        state.sendChainKey = Kdf.second(output);
        state.sendChainCiphertext = encapsulation.ciphertext();
        state.ownRatchetPrivate = next.getPrivate().getEncoded();
        state.ownRatchetPublic = ownPublic;
        state.previousSendCount = state.sendCount;
        state.sendCount = 0;
    }

    /** KDF_RK: HKDF-SHA256 with the root key as salt and the KEM secret as input (§9.3). */
    static byte[] rootStep(SessionState working, byte[] secret, byte[] ratchetKey, byte[] ciphertext) {
        byte[] info = Wire.Writer.label(SessionLabels.RATCHET).bytes(working.sessionId).bytes(ratchetKey)
                .bytes(ciphertext).toByteArray();
        return Kdf.hkdf(working.rootKey, secret, info, 2 * Kdf.KEY_LENGTH);
    }

    /** Keeps the keys of the messages up to {@code until} (exclusive) of the receiving chain. */
    private static void skipTo(SessionState working, long until) throws SessionException {
        if (until - working.receiveCount > MAX_SKIP) {
            throw new SessionException("The message is " + (until - working.receiveCount)
                    + " messages ahead; at most " + MAX_SKIP + " may be skipped");
        }
        while (working.receiveCount < until) {
            String name = skippedKeyName(working.remoteRatchetPublic, working.receiveCount);
            working.skipped().put(name, Kdf.messageKey(working.receiveChainKey));
            working.receiveChainKey = Kdf.nextChainKey(working.receiveChainKey);
            working.receiveCount++;
        }
        Iterator<String> oldest = working.skipped().keySet().iterator();
        while (working.skipped().size() > MAX_SKIPPED_KEYS) {
            oldest.next();
            oldest.remove();
        }
    }

    private static String skippedKeyName(byte[] ratchetKey, long number) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ratchetKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12)) + ":" + number;
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException(e);
        }
    }

    private static byte[] seal(byte[] messageKey, byte[] plaintext, byte[] associatedData) {
        try {
            return aesGcm(Cipher.ENCRYPT_MODE, messageKey, plaintext, associatedData);
        } catch (AEADBadTagException e) {
            throw new ProviderException("AES-256-GCM sealing cannot fail authentication", e);
        }
    }

    private static byte[] open(byte[] messageKey, byte[] sealed, byte[] associatedData) throws SessionException {
        try {
            return aesGcm(Cipher.DECRYPT_MODE, messageKey, sealed, associatedData);
        } catch (AEADBadTagException e) {
            throw new SessionException("The message does not authenticate", e);
        }
    }

    /** AES-256-GCM under the key and nonce of a message key (§9.6); wipes the message key. */
    private static byte[] aesGcm(int direction, byte[] messageKey, byte[] input, byte[] associatedData)
            throws AEADBadTagException {
        byte[] keyAndNonce = expand(messageKey);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(direction, new SecretKeySpec(keyAndNonce, 0, Kdf.KEY_LENGTH, "AES"),
                    new GCMParameterSpec(GCM_TAG_BITS, keyAndNonce, Kdf.KEY_LENGTH, GCM_NONCE_LENGTH));
            gcm.updateAAD(associatedData);
            return gcm.doFinal(input);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES-256-GCM failed", e);
        } finally {
            Arrays.fill(keyAndNonce, (byte) 0);
            Arrays.fill(messageKey, (byte) 0);
        }
    }

    /** A message key's AES-256 key and GCM nonce: 44 bytes of HKDF-SHA256 (§9.6). */
    private static byte[] expand(byte[] messageKey) {
        byte[] info = Wire.Writer.label(SessionLabels.MESSAGE_KEY).toByteArray();
        return Kdf.hkdf(new byte[Kdf.KEY_LENGTH], messageKey, info, Kdf.KEY_LENGTH + GCM_NONCE_LENGTH);
    }

    /** ISO/IEC 7816-4 padding to a multiple of 64 bytes: 0x80, then zeros. */
    static byte[] pad(byte[] plaintext) {
        int length = (plaintext.length / PADDING_BLOCK + 1) * PADDING_BLOCK;
        byte[] padded = Arrays.copyOf(plaintext, length);
        padded[plaintext.length] = (byte) 0x80;
        return padded;
    }

    static byte[] unpad(byte[] padded) throws SessionException {
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != (byte) 0x80) {
            throw new SessionException("The payload's padding is invalid");
        }
        return Arrays.copyOf(padded, end);
    }
}
