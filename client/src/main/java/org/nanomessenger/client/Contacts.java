// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.security.MessageDigest;

import com.fasterxml.jackson.databind.JsonNode;
import org.nanomessenger.client.ClientState.ContactRecord;
import org.nanomessenger.client.session.Handshake;
import org.nanomessenger.client.transport.ServerApi;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Prekey;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Signatures;

/**
 * Whom the client trusts with which key (docs/protocol.md §9.9): a contact's identity key is
 * pinned at first contact (trust on first use) and every later answer of the server is checked
 * against it; bundles are accepted only when each prekey is signed by that key and the mode is
 * allowed.
 */
final class Contacts {

    /**
     * A bundle whose prekeys were all checked against the owner's identity key.
     *
     * @param second the one-time prekey, or the last-resort prekey when none was left
     */
    record Bundle(String username, CryptoMode mode, byte[] identityKey, Handshake.PublicPrekey signed,
            Handshake.PublicPrekey second) {
    }

    private final StateAccess states;
    private final Connection connection;
    private final Identity identity;

    Contacts(StateAccess states, Connection connection, Identity identity) {
        this.states = states;
        this.connection = connection;
        this.identity = identity;
    }

    /**
     * Fetches {@code peer}'s bundle (which takes one of their one-time prekeys) and checks it.
     *
     * @throws SecurityCheckException if the mode is below the floor, the identity key is not the
     *         pinned one, or a prekey is not signed by it
     */
    Bundle fetchBundle(String peer, CryptoMode policy) throws NanoException {
        JsonNode body = connection.authorized(token -> connection.api()
                .get("/users/" + ServerApi.segment(peer) + "/bundle", token));
        CryptoMode mode = ServerApi.mode(body.path("mode"));
        checkMode(peer, mode, policy);
        byte[] identityKey = Connection.decode(body.path("identityKey").asText());
        checkPinned(states.read(), peer, identityKey);

        Handshake.PublicPrekey signed = verified(peer, mode, identityKey, PrekeyKind.SIGNED,
                body.path("signedPrekey"));
        Handshake.PublicPrekey second = body.hasNonNull("oneTimePrekey")
                ? verified(peer, mode, identityKey, PrekeyKind.ONE_TIME, body.path("oneTimePrekey"))
                : verified(peer, mode, identityKey, PrekeyKind.LAST_RESORT, body.path("lastResortPrekey"));
        return new Bundle(peer, mode, identityKey, signed, second);
    }

    /**
     * The identity key of {@code peer}: the pinned one, or at first contact the one the server
     * gives ({@code GET /users/{u}/identity}), pinned now if {@code pin}. A sender's key is pinned
     * only once one of their messages has been opened with it.
     */
    byte[] identityKey(String peer, boolean pin) throws NanoException {
        ContactRecord known = states.read().contacts.get(peer);
        if (known != null && known.identityKey != null) {
            return known.identityKey;
        }
        JsonNode body = connection.authorized(token -> connection.api()
                .get("/users/" + ServerApi.segment(peer) + "/identity", token));
        byte[] key = Connection.decode(body.path("identityKey").asText());
        if (!pin) {
            return key;
        }
        CryptoMode mode = ServerApi.mode(body.path("mode"));
        return states.update(state -> {
            checkPinned(state, peer, key);
            pin(state, peer, mode, key, System.currentTimeMillis());
            return state.contacts.get(peer).identityKey;
        });
    }

    /** Refuses a conversation mode below the server's policy or this user's minimum. */
    void checkMode(String peer, CryptoMode mode, CryptoMode policy) throws SecurityCheckException {
        CryptoMode minimum = identity.minimumMode();
        if (mode.isAtLeast(policy) && mode.isAtLeast(minimum)) {
            return;
        }
        CryptoMode floor = policy.isAtLeast(minimum) ? policy : minimum;
        throw new SecurityCheckException(SecurityCheckException.Check.MODE_BELOW_MINIMUM, peer + "'s keys are "
                + mode.wireName() + ", below the required " + floor.wireName() + " (server policy "
                + policy.wireName() + ", your minimum " + minimum.wireName() + "); nothing was sent");
    }

    static void checkPinned(ClientState state, String peer, byte[] identityKey) throws SecurityCheckException {
        ContactRecord known = state.contacts.get(peer);
        if (known != null && known.identityKey != null && !MessageDigest.isEqual(known.identityKey, identityKey)) {
            throw new SecurityCheckException(SecurityCheckException.Check.IDENTITY_CHANGED, "The server now gives "
                    + "another identity key for " + peer + " than the one pinned at first contact; nothing was "
                    + "sent. Check with " + peer + " out of band");
        }
    }

    /** Records {@code peer}'s identity key unless one is pinned already; the mode follows from the key. */
    static void pin(ClientState state, String peer, CryptoMode mode, byte[] identityKey, long now) {
        ContactRecord contact = contact(state, peer, now);
        if (contact.identityKey == null) {
            contact.identityKey = identityKey;
            contact.firstSeen = now;
        }
        if (mode != null) {
            contact.mode = mode.wireName();
        } else if (contact.mode == null) {
            contact.mode = identityMode(identityKey);
        }
    }

    /** The contact record of {@code peer}, made if there is none. */
    static ContactRecord contact(ClientState state, String peer, long now) {
        return state.contacts.computeIfAbsent(peer, name -> {
            ContactRecord created = new ContactRecord();
            created.username = name;
            created.firstSeen = now;
            return created;
        });
    }

    private static Handshake.PublicPrekey verified(String owner, CryptoMode mode, byte[] identityKey,
            PrekeyKind kind, JsonNode json) throws NanoException {
        long keyId = json.path("keyId").asLong();
        String algorithm = json.path("algorithm").asText();
        byte[] publicKey = Connection.decode(json.path("publicKey").asText());
        byte[] signature = Connection.decode(json.path("signature").asText());
        try {
            byte[] input = new Prekey(owner, kind, keyId, algorithm, publicKey).signingInput();
            if (algorithm.equals(mode.kemAlgorithm())
                    && Signatures.verify(Signatures.decodePublicKey(identityKey), input, signature)) {
                return new Handshake.PublicPrekey(kind, keyId, publicKey);
            }
        } catch (ProtocolException e) {
            throw new SecurityCheckException(SecurityCheckException.Check.BAD_PREKEY_SIGNATURE, "Unusable keys for "
                    + owner + ": " + e.getMessage());
        }
        throw new SecurityCheckException(SecurityCheckException.Check.BAD_PREKEY_SIGNATURE, "The "
                + kind.wireName() + " prekey the server gave for " + owner + " is not signed by their identity key");
    }

    private static String identityMode(byte[] identityKey) {
        try {
            return CryptoMode.forSignatureAlgorithm(Signatures.decodePublicKey(identityKey).getAlgorithm())
                    .map(CryptoMode::wireName).orElse(null);
        } catch (ProtocolException e) {
            return null;
        }
    }
}
