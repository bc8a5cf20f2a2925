// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanomessenger.client.ClientState.ContactRecord;
import org.nanomessenger.client.ClientState.PrekeyRecord;
import org.nanomessenger.client.session.EnvelopeContext;
import org.nanomessenger.client.session.Handshake;
import org.nanomessenger.client.session.Session;
import org.nanomessenger.client.session.SessionMessage;
import org.nanomessenger.client.session.SessionTestAccess;
import org.nanomessenger.client.store.Argon2Settings;
import org.nanomessenger.client.store.EncryptedStore;
import org.nanomessenger.client.transport.ServerApi;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.Signatures;

/**
 * How Bob's client opens what the server delivers, without a server: Alice is pinned already, so
 * nothing is fetched, and the envelopes are built here as Alice's client would build them.
 */
class InboundTest {

    private static final CryptoMode MODE = CryptoMode.HYBRID;

    @TempDir
    Path directory;

    private KeyPair aliceIdentity;
    private Handshake.Party alice;
    private Handshake.Party bob;
    private StateAccess states;
    private Inbound inbound;
    private Session aliceSession;

    @BeforeEach
    void bobHoldsPrekeysAndHasPinnedAlice() throws Exception {
        aliceIdentity = Prekeys.generate(MODE.signatureAlgorithm());
        KeyPair bobIdentity = Prekeys.generate(MODE.signatureAlgorithm());
        alice = new Handshake.Party("alice", aliceIdentity.getPublic().getEncoded());
        bob = new Handshake.Party("bob", bobIdentity.getPublic().getEncoded());

        ClientState state = new ClientState();
        state.username = "bob";
        state.device = "primary";
        state.server = "http://localhost:1";
        state.mode = MODE.wireName();
        state.minimumMode = MODE.wireName();
        state.registered = true;
        state.identityPrivate = bobIdentity.getPrivate().getEncoded();
        state.identityPublic = bob.identityKey();
        state.signedPrekey = prekey(PrekeyKind.SIGNED, 1);
        state.lastResortPrekey = prekey(PrekeyKind.LAST_RESORT, 2);
        state.oneTimePrekeys.put(7L, prekey(PrekeyKind.ONE_TIME, 7));
        state.oneTimePrekeys.put(8L, prekey(PrekeyKind.ONE_TIME, 8));
        ContactRecord pinned = new ContactRecord();
        pinned.username = "alice";
        pinned.identityKey = alice.identityKey();
        state.contacts.put("alice", pinned);

        EncryptedStore store = EncryptedStore.create(directory, "pw".toCharArray(),
                new Argon2Settings(64, 1, 1, new byte[16]));
        store.write(ClientState.FILE, ClientState.JSON.writeValueAsBytes(state));
        states = new StateAccess(store);
        Identity identity = Identity.of(state);
        // An address nothing answers on: the test fails loudly if anything goes to the server
        Connection offline = new Connection(new ServerApi(URI.create("http://localhost:1")), identity);
        inbound = new Inbound(states, new Contacts(states, offline, identity), identity);

        aliceSession = Handshake.initiate(MODE, alice, bob, publicPrekey(state.signedPrekey),
                publicPrekey(state.oneTimePrekeys.get(7L)), 0);
    }

    @Test
    void opensTheFirstMessageAndDeletesTheOneTimePrekeyItUsed() throws Exception {
        Inbound.Received received = inbound.receive(fromAlice("alice", "hello bob"));

        assertThat(received.message().text()).isEqualTo("hello bob");
        assertThat(states.read().oneTimePrekeys).containsOnlyKeys(8L);
        assertThat(states.read().sessions.get("alice")).hasSize(1);
        assertThat(states.readHistory().messages).singleElement().satisfies(record ->
                assertThat(record.text).isEqualTo("hello bob"));
    }

    @Test
    void aHandshakeRepeatedInAnExistingSessionDeletesNoOtherPrekey() throws Exception {
        inbound.receive(fromAlice("alice", "first"));
        // A peer names another one-time prekey in a message of the session it already has
        SessionTestAccess.repeatHandshake(aliceSession, new SessionMessage.Handshake(1, PrekeyKind.ONE_TIME, 8,
                new byte[0], new byte[0]));

        Inbound.Received received = inbound.receive(fromAlice("alice", "second"));

        assertThat(received.message().text()).isEqualTo("second");
        assertThat(states.read().oneTimePrekeys).containsOnlyKeys(8L);
    }

    @Test
    void refusesASenderNameThatIsNotNormalisedWithoutLookingItUp() throws Exception {
        ObjectNode envelope = fromAlice("alice", "hello");
        envelope.put("sender", "Alice");

        Inbound.Received received = inbound.receive(envelope);

        assertThat(received.message()).isNull();
        assertThat(received.rejection().reason()).contains("not a normalised username");
        assertThat(states.read().oneTimePrekeys).containsOnlyKeys(7L, 8L);
    }

    @Test
    void aGarbledCiphertextChangesNothingButTheSeenIds() throws Exception {
        inbound.receive(fromAlice("alice", "first"));
        byte[] before = ClientState.JSON.writeValueAsBytes(states.read().sessions);
        ObjectNode garbled = fromAlice("alice", "garbled");
        byte[] ciphertext = Base64Url.decode(garbled.get("ciphertext").asText());
        ciphertext[ciphertext.length - 1] ^= 1;
        // Re-signed, as Alice would: only the session layer can notice
        garbled = signed(new Envelope(UUID.fromString(garbled.get("id").asText()), "alice", "bob", MODE,
                garbled.get("timestamp").asLong(), ciphertext));

        Inbound.Received received = inbound.receive(garbled);

        assertThat(received.rejection().reason()).contains("does not authenticate");
        assertThat(ClientState.JSON.writeValueAsBytes(states.read().sessions)).isEqualTo(before);
        assertThat(states.read().seenEnvelopes).contains(garbled.get("id").asText());
    }

    @Test
    void aReplayIsADuplicateAndItsKeyIsGone() throws Exception {
        ObjectNode envelope = fromAlice("alice", "once");
        inbound.receive(envelope);

        Inbound.Received replayed = inbound.receive(envelope);

        assertThat(replayed.duplicate()).isTrue();
        assertThat(replayed.rejection().reason()).contains("replayed").contains("its key is deleted");
        assertThat(states.readHistory().messages).hasSize(1);
    }

    @Test
    void refusesAnEnvelopeSignedByAnotherKey() throws Exception {
        ObjectNode envelope = fromAlice("alice", "hello");
        aliceIdentity = Prekeys.generate(MODE.signatureAlgorithm());
        ObjectNode forged = signed(new Envelope(UUID.randomUUID(), "alice", "bob", MODE,
                envelope.get("timestamp").asLong(), Base64Url.decode(envelope.get("ciphertext").asText())));

        Inbound.Received received = inbound.receive(forged);

        assertThat(received.rejection().reason()).contains("signature is not alice's");
        assertThat(states.read().oneTimePrekeys).containsOnlyKeys(7L, 8L);
    }

    private ObjectNode fromAlice(String sender, String text) throws Exception {
        UUID id = UUID.randomUUID();
        long now = System.currentTimeMillis();
        byte[] plaintext = ServerApi.object().put("type", "text").put("text", text).toString().getBytes(UTF_8);
        byte[] ciphertext = aliceSession.encrypt(plaintext, new EnvelopeContext(id, sender, "bob", MODE, now));
        return signed(new Envelope(id, sender, "bob", MODE, now, ciphertext));
    }

    private ObjectNode signed(Envelope envelope) throws Exception {
        byte[] signature = Signatures.sign(aliceIdentity.getPrivate(), envelope.signingInput());
        return ServerApi.object().put("id", envelope.id().toString()).put("sender", envelope.sender())
                .put("recipient", envelope.recipient()).put("mode", envelope.mode().wireName())
                .put("timestamp", envelope.timestampMillis())
                .put("ciphertext", Base64Url.encode(envelope.ciphertext()))
                .put("signature", Base64Url.encode(signature));
    }

    private static PrekeyRecord prekey(PrekeyKind kind, long id) {
        KeyPair pair = Prekeys.generate(MODE.kemAlgorithm());
        PrekeyRecord record = new PrekeyRecord();
        record.kind = kind.wireName();
        record.keyId = id;
        record.publicKey = pair.getPublic().getEncoded();
        record.privateKey = pair.getPrivate().getEncoded();
        return record;
    }

    private static Handshake.PublicPrekey publicPrekey(PrekeyRecord record) {
        return new Handshake.PublicPrekey(PrekeyKind.fromWireName(record.kind), record.keyId, record.publicKey);
    }
}
