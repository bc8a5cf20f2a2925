// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nanomessenger.client.session.SessionState;

/**
 * Everything a client keeps, stored as JSON in the encrypted file {@value #FILE}: the identity key
 * pair, the private prekeys, the contacts with their pinned identity keys, the sessions and the
 * ids of the envelopes already processed. docs/protocol.md §9.4 lists what each part is for.
 */
final class ClientState {

    static final String FILE = "state.bin";
    static final int VERSION = 1;
    /** The most envelope ids remembered against replays; older ones are also covered by deleted keys. */
    static final int MAX_SEEN_ENVELOPES = 20_000;
    /** Sessions kept per contact: the newest is used to send, all of them to receive. */
    static final int MAX_SESSIONS_PER_CONTACT = 3;

    static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    int version = VERSION;
    String username;
    String device;
    String server;
    String mode;
    String minimumMode;
    boolean registered;
    byte[] identityPrivate;
    byte[] identityPublic;
    PrekeyRecord signedPrekey;
    /** Replaced signed prekeys, kept a while for handshakes already under way. */
    List<PrekeyRecord> previousSignedPrekeys = new ArrayList<>();
    PrekeyRecord lastResortPrekey;
    Map<Long, PrekeyRecord> oneTimePrekeys = new LinkedHashMap<>();
    long nextKeyId = 1;
    Map<String, ContactRecord> contacts = new TreeMap<>();
    /** Sessions by contact, newest first. */
    Map<String, List<SessionState>> sessions = new TreeMap<>();
    LinkedHashSet<String> seenEnvelopes = new LinkedHashSet<>();

    /** A KEM key pair this client published as a prekey. */
    static final class PrekeyRecord {
        String kind;
        long keyId;
        byte[] publicKey;
        byte[] privateKey;
        long createdAt;
    }

    /** Someone this client has exchanged messages with. */
    static final class ContactRecord {
        String username;
        String mode;
        byte[] identityKey;
        long firstSeen;
        boolean verified;
        boolean blocked;
    }

    long takeKeyId() {
        return nextKeyId++;
    }

    void rememberEnvelope(String id) {
        seenEnvelopes.add(id);
        Iterator<String> oldest = seenEnvelopes.iterator();
        while (seenEnvelopes.size() > MAX_SEEN_ENVELOPES) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Puts {@code session} first among the contact's sessions, dropping the oldest beyond the limit. */
    void useSession(SessionState session) {
        List<SessionState> list = sessions.computeIfAbsent(session.peer(), peer -> new ArrayList<>());
        list.removeIf(existing -> Arrays.equals(existing.sessionId(), session.sessionId()));
        list.addFirst(session);
        while (list.size() > MAX_SESSIONS_PER_CONTACT) {
            list.removeLast();
        }
    }
}
