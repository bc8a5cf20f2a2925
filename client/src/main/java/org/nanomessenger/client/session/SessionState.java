// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one side keeps of one session, as stored (encrypted) in the client's state: the
 * root key, the ratchet keys, the two chains and the skipped message keys. docs/protocol.md §9.4
 * describes each field. Only {@link Session} changes it; the store reads and writes it as JSON.
 */
public final class SessionState {

    String peer;
    String mode;
    byte[] sessionId;
    byte[] rootKey;
    /** Our current ratchet key pair: null once used to decapsulate, until the next send step. */
    byte[] ownRatchetPrivate;
    byte[] ownRatchetPublic;
    /** The peer's current ratchet public key: null until the initiator hears from the responder. */
    byte[] remoteRatchetPublic;
    /** The sending chain: null when the direction turned and the next send must step the ratchet. */
    byte[] sendChainKey;
    byte[] sendChainCiphertext;
    long sendCount;
    long previousSendCount;
    byte[] receiveChainKey;
    long receiveCount;
    /** The handshake the initiator repeats in each message until the responder answers. */
    SessionMessage.Handshake pendingHandshake;
    /** Message keys of messages not yet received, by "ratchet key hash:number", oldest first. */
    LinkedHashMap<String, byte[]> skippedKeys = new LinkedHashMap<>();
    long createdAt;

    SessionState() {
    }

    /** The other party's username. */
    public String peer() {
        return peer;
    }

    /** A copy of the 16-byte session id (docs/protocol.md §9.2). */
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** How many skipped message keys are held. */
    public int skippedKeyCount() {
        return skippedKeys.size();
    }

    /** A deep copy, for a decryption that must leave this state untouched if it fails. */
    public SessionState copy() {
        SessionState copy = new SessionState();
        copy.peer = peer;
        copy.mode = mode;
        copy.sessionId = sessionId;
        copy.rootKey = rootKey;
        copy.ownRatchetPrivate = ownRatchetPrivate;
        copy.ownRatchetPublic = ownRatchetPublic;
        copy.remoteRatchetPublic = remoteRatchetPublic;
        copy.sendChainKey = sendChainKey;
        copy.sendChainCiphertext = sendChainCiphertext;
        copy.sendCount = sendCount;
        copy.previousSendCount = previousSendCount;
        copy.receiveChainKey = receiveChainKey;
        copy.receiveCount = receiveCount;
        copy.pendingHandshake = pendingHandshake;
        copy.skippedKeys = new LinkedHashMap<>(skippedKeys);
        copy.createdAt = createdAt;
        return copy;
    }

    /** Copies every field of {@code other} into this state (the arrays are never changed in place). */
    void assign(SessionState other) {
        peer = other.peer;
        mode = other.mode;
        sessionId = other.sessionId;
        rootKey = other.rootKey;
        ownRatchetPrivate = other.ownRatchetPrivate;
        ownRatchetPublic = other.ownRatchetPublic;
        remoteRatchetPublic = other.remoteRatchetPublic;
        sendChainKey = other.sendChainKey;
        sendChainCiphertext = other.sendChainCiphertext;
        sendCount = other.sendCount;
        previousSendCount = other.previousSendCount;
        receiveChainKey = other.receiveChainKey;
        receiveCount = other.receiveCount;
        pendingHandshake = other.pendingHandshake;
        skippedKeys = new LinkedHashMap<>(other.skippedKeys);
        createdAt = other.createdAt;
    }

    Map<String, byte[]> skipped() {
        return skippedKeys;
    }

    @Override
    public String toString() {
        return "SessionState[peer=" + peer + ", mode=" + mode + ", sent=" + sendCount + ", received="
                + receiveCount + ", skipped=" + skippedKeys.size() + "]";
    }
}
