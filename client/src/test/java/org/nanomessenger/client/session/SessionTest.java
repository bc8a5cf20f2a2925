// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.PrekeyKind;

/** The handshake and the ratchet between two in-memory parties, in every mode. */
class SessionTest {

    /** A message as it travelled: the envelope fields and the ciphertext. */
    record Sent(EnvelopeContext envelope, byte[] ciphertext) {
    }

    /** Alice and Bob, with Bob's prekeys, and a session once Alice has started one. */
    static final class Pair {

        final CryptoMode mode;
        final Handshake.Party alice;
        final Handshake.Party bob;
        final Map<String, Handshake.HeldPrekey> bobPrekeys = new HashMap<>();
        Session aliceSession;
        Session bobSession;

        Pair(CryptoMode mode) {
            this.mode = mode;
            alice = new Handshake.Party("alice", Kems.generate(mode.signatureAlgorithm()).getPublic().getEncoded());
            bob = new Handshake.Party("bob", Kems.generate(mode.signatureAlgorithm()).getPublic().getEncoded());
        }

        Handshake.PublicPrekey bobPrekey(PrekeyKind kind, long id) {
            KeyPair pair = Kems.generate(mode.kemAlgorithm());
            Handshake.PublicPrekey prekey = new Handshake.PublicPrekey(kind, id, pair.getPublic().getEncoded());
            bobPrekeys.put(kind + "/" + id, new Handshake.HeldPrekey(prekey, pair.getPrivate().getEncoded()));
            return prekey;
        }

        Pair start() throws SessionException {
            aliceSession = Handshake.initiate(mode, alice, bob, bobPrekey(PrekeyKind.SIGNED, 1),
                    bobPrekey(PrekeyKind.ONE_TIME, 7), 0);
            return this;
        }

        Sent fromAlice(String text) throws SessionException {
            return send(aliceSession, "alice", "bob", text);
        }

        Sent fromBob(String text) throws SessionException {
            return send(bobSession, "bob", "alice", text);
        }

        String toBob(Sent sent) throws SessionException {
            SessionMessage message = SessionMessage.parse(sent.ciphertext());
            if (bobSession == null) {
                bobSession = Handshake.respond(mode, bob, alice, message,
                        (kind, id) -> bobPrekeys.get(kind + "/" + id), 0);
            }
            return new String(bobSession.decrypt(message, sent.envelope()), UTF_8);
        }

        String toAlice(Sent sent) throws SessionException {
            return open(aliceSession, sent);
        }

        private Sent send(Session session, String from, String to, String text) throws SessionException {
            EnvelopeContext envelope = new EnvelopeContext(UUID.randomUUID(), from, to, mode,
                    System.currentTimeMillis());
            return new Sent(envelope, session.encrypt(text.getBytes(UTF_8), envelope));
        }
    }

    static String open(Session session, Sent sent) throws SessionException {
        return new String(session.decrypt(SessionMessage.parse(sent.ciphertext()), sent.envelope()), UTF_8);
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void talksBothWaysOverSeveralTurns(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();

        for (int turn = 0; turn < 3; turn++) {
            for (int i = 0; i < 3; i++) {
                String text = "alice " + turn + "." + i;
                assertThat(pair.toBob(pair.fromAlice(text))).isEqualTo(text);
            }
            for (int i = 0; i < 2; i++) {
                String text = "bob " + turn + "." + i;
                assertThat(pair.toAlice(pair.fromBob(text))).isEqualTo(text);
            }
        }
        assertThat(pair.aliceSession.state().sessionId()).isEqualTo(pair.bobSession.state().sessionId());
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void repeatsTheHandshakeUntilTheResponderAnswers(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        Sent first = pair.fromAlice("one");
        Sent second = pair.fromAlice("two");

        assertThat(SessionMessage.parse(first.ciphertext()).handshake()).isNotNull();
        assertThat(SessionMessage.parse(second.ciphertext()).handshake()).isNotNull();
        // The first is lost; the second still starts the session
        assertThat(pair.toBob(second)).isEqualTo("two");
        assertThat(pair.toAlice(pair.fromBob("back"))).isEqualTo("back");
        assertThat(SessionMessage.parse(pair.fromAlice("three").ciphertext()).handshake()).isNull();
        // The lost one arrives late and still opens, from the skipped keys
        assertThat(pair.toBob(first)).isEqualTo("one");
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void opensOutOfOrderAcrossChains(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        pair.toBob(pair.fromAlice("hello"));
        List<Sent> fromBob = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fromBob.add(pair.fromBob("b" + i));
        }
        assertThat(pair.toAlice(fromBob.get(3))).isEqualTo("b3");
        Sent aliceAfter = pair.fromAlice("a-next");
        Sent bobLate = pair.fromBob("b4");

        assertThat(pair.toBob(aliceAfter)).isEqualTo("a-next");
        assertThat(pair.toAlice(fromBob.get(1))).isEqualTo("b1");
        assertThat(pair.toAlice(bobLate)).isEqualTo("b4");
        assertThat(pair.toAlice(fromBob.get(0))).isEqualTo("b0");
        assertThat(pair.toAlice(fromBob.get(2))).isEqualTo("b2");
        assertThat(pair.aliceSession.state().skippedKeyCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void aForgedMessageLeavesTheSkippedKeyItNamesIntact(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        Sent late = pair.fromAlice("late");
        pair.toBob(pair.fromAlice("early"));
        SessionMessage genuine = SessionMessage.parse(late.ciphertext());
        byte[] garbage = genuine.sealed().clone();
        garbage[0] ^= 1;
        SessionMessage forged = new SessionMessage(genuine.sessionId(), genuine.ratchetKey(),
                genuine.ratchetCiphertext(), genuine.previousChainLength(), genuine.messageNumber(),
                genuine.handshake(), garbage);

        assertThatThrownBy(() -> pair.toBob(new Sent(late.envelope(), forged.encode())))
                .hasMessageContaining("does not authenticate");
        assertThat(pair.toBob(late)).isEqualTo("late");
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void parsesOnlyTheExactEncoding(CryptoMode mode) throws Exception {
        byte[] valid = new Pair(mode).start().fromAlice("x").ciphertext();
        SessionMessage parsed = SessionMessage.parse(valid);
        assertThat(parsed.encode()).isEqualTo(valid);

        byte[] otherVersion = valid.clone();
        otherVersion[0] = 2;
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] truncated = Arrays.copyOf(valid, valid.length - 1);
        byte[] shortId = new Wire.Writer().uint8(1).bytes(new byte[15]).toByteArray();
        int flagAt = parsed.header().length - handshakeLength(parsed) - 1;
        byte[] badFlag = valid.clone();
        badFlag[flagAt] = 2;

        assertThatThrownBy(() -> SessionMessage.parse(otherVersion)).hasMessageContaining("version 2");
        assertThatThrownBy(() -> SessionMessage.parse(trailing)).hasMessageContaining("after the end");
        assertThatThrownBy(() -> SessionMessage.parse(truncated)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> SessionMessage.parse(shortId)).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> SessionMessage.parse(badFlag)).hasMessageContaining("0 or 1");
    }

    /** The bytes of the handshake fields after the flag. */
    private static int handshakeLength(SessionMessage message) {
        SessionMessage.Handshake handshake = message.handshake();
        return handshake == null ? 0 : 8 + 1 + 8 + 4 + handshake.signedPrekeyCiphertext().length + 4
                + handshake.secondPrekeyCiphertext().length;
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesAMessageOpenedBefore(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        Sent first = pair.fromAlice("once");
        pair.toBob(first);
        Sent second = pair.fromAlice("twice");
        pair.toBob(second);

        assertThatThrownBy(() -> pair.toBob(first)).isInstanceOf(SessionException.class);
        assertThatThrownBy(() -> pair.toBob(second)).isInstanceOf(SessionException.class)
                .hasMessageContaining("already read");
        // The failures changed nothing: the conversation goes on
        assertThat(pair.toBob(pair.fromAlice("third"))).isEqualTo("third");
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void bindsThePayloadToTheEnvelope(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        Sent sent = pair.fromAlice("bound");
        EnvelopeContext original = sent.envelope();
        EnvelopeContext otherId = new EnvelopeContext(UUID.randomUUID(), original.sender(), original.recipient(),
                original.mode(), original.timestampMillis());
        EnvelopeContext otherTime = new EnvelopeContext(original.id(), original.sender(), original.recipient(),
                original.mode(), original.timestampMillis() + 1);

        assertThatThrownBy(() -> pair.toBob(new Sent(otherId, sent.ciphertext())))
                .hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> pair.toBob(new Sent(otherTime, sent.ciphertext())))
                .hasMessageContaining("does not authenticate");
        assertThat(pair.toBob(sent)).isEqualTo("bound");
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void aCopyOfTheReceiversStateCannotReadWhatItAlreadyRead(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        List<Sent> recorded = new ArrayList<>();
        for (int turn = 0; turn < 2; turn++) {
            for (int i = 0; i < 3; i++) {
                Sent sent = pair.fromAlice("secret " + turn + "." + i);
                recorded.add(sent);
                pair.toBob(sent);
            }
            pair.toAlice(pair.fromBob("ack " + turn));
        }
        // Bob used the one-time prekey: it is deleted, as the client does after the first message
        pair.bobPrekeys.remove(PrekeyKind.ONE_TIME + "/7");

        // The attacker takes all of Bob's state now: the session and every prekey he still holds
        Session stolen = new Session(pair.bobSession.state().copy());
        for (Sent sent : recorded) {
            assertThatThrownBy(() -> open(stolen, sent)).isInstanceOf(SessionException.class);
            assertThatThrownBy(() -> Handshake.respond(mode, pair.bob, pair.alice,
                    SessionMessage.parse(sent.ciphertext()), (kind, id) -> pair.bobPrekeys.get(kind + "/" + id), 0))
                    .isInstanceOf(SessionException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void aCopyOfTheSendersStateLosesTheConversationOnceBothSidesSentAgain(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        pair.toBob(pair.fromAlice("before"));
        pair.toAlice(pair.fromBob("before too"));

        // Time T: the attacker copies Alice's whole state, then only watches the wire
        Session stolen = new Session(pair.aliceSession.state().copy());
        Sent aliceAtT = pair.fromAlice("alice right after T");
        Sent bobReply = pair.fromBob("bob after T");
        pair.toBob(aliceAtT);
        pair.toAlice(bobReply);
        // Alice's next message carries a fresh ratchet key and a KEM secret sealed to Bob's key
        Sent aliceHealed = pair.fromAlice("alice healed");
        Sent bobHealed = pair.fromBob("bob healed");
        pair.toBob(aliceHealed);
        pair.toAlice(bobHealed);
        Sent bobLater = pair.fromBob("bob later");
        pair.toAlice(bobLater);

        // What was encrypted to the stolen ratchet key is readable: compromise is real...
        assertThat(open(stolen, bobReply)).isEqualTo("bob after T");
        // ...but after both sides sent once more, the stolen copy reads nothing
        assertThatThrownBy(() -> open(stolen, bobHealed)).isInstanceOf(SessionException.class);
        assertThatThrownBy(() -> open(stolen, bobLater)).isInstanceOf(SessionException.class);
        assertThat(stolen.state().rootKey).isNotEqualTo(pair.aliceSession.state().rootKey);
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesToSkipTooFarAhead(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        pair.toBob(pair.fromAlice("first"));
        Sent far = null;
        for (int i = 0; i <= Session.MAX_SKIP + 1; i++) {
            far = pair.fromAlice("n" + i);
        }
        Sent tooFar = far;

        assertThatThrownBy(() -> pair.toBob(tooFar)).hasMessageContaining("at most " + Session.MAX_SKIP);
        assertThat(pair.bobSession.state().skippedKeyCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void fallsBackToTheLastResortPrekey(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode);
        pair.aliceSession = Handshake.initiate(mode, pair.alice, pair.bob, pair.bobPrekey(PrekeyKind.SIGNED, 1),
                pair.bobPrekey(PrekeyKind.LAST_RESORT, 2), 0);

        Sent sent = pair.fromAlice("no one-time key left");

        assertThat(SessionMessage.parse(sent.ciphertext()).handshake().secondPrekeyKind())
                .isEqualTo(PrekeyKind.LAST_RESORT);
        assertThat(pair.toBob(sent)).isEqualTo("no one-time key left");
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesAHandshakeForAnotherIdentity(CryptoMode mode) throws Exception {
        Pair pair = new Pair(mode).start();
        Sent sent = pair.fromAlice("hi");
        Handshake.Party mallory = new Handshake.Party("alice",
                Kems.generate(mode.signatureAlgorithm()).getPublic().getEncoded());

        assertThatThrownBy(() -> Handshake.respond(mode, pair.bob, mallory, SessionMessage.parse(sent.ciphertext()),
                (kind, id) -> pair.bobPrekeys.get(kind + "/" + id), 0))
                .hasMessageContaining("session id does not match");
    }
}
