// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.PrekeyKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a session costs per mode: starting one (both sides of the handshake, with the first
 * message), a message within a chain (seal and open), and a turn of the conversation (a message
 * each way, each starting a chain with a KEM ratchet step). Results are in docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionBenchmark {

    /** A payload of about a hundred bytes, as people type. */
    private static final byte[] TEXT = ("{\"type\":\"text\",\"text\":\"a message of about a hundred bytes,"
            + " which is what people type\"}").getBytes(StandardCharsets.UTF_8);

    @Param({"classical", "hybrid", "quantum"})
    private String mode;

    private CryptoMode cryptoMode;
    private Handshake.Party alice;
    private Handshake.Party bob;
    private Handshake.HeldPrekey signed;
    private Handshake.HeldPrekey oneTime;
    private Session aliceSession;
    private Session bobSession;

    @Setup
    public void setUp() throws SessionException {
        cryptoMode = CryptoMode.fromWireName(mode);
        alice = new Handshake.Party("alice", identityKey());
        bob = new Handshake.Party("bob", identityKey());
        signed = prekey(PrekeyKind.SIGNED, 1);
        oneTime = prekey(PrekeyKind.ONE_TIME, 2);
        aliceSession = Handshake.initiate(cryptoMode, alice, bob, signed.prekey(), oneTime.prekey(), 0);
        bobSession = open(null, aliceSession, "alice", "bob");
        // One turn each way, so that both sides hold a sending chain
        open(aliceSession, bobSession, "bob", "alice");
        open(bobSession, aliceSession, "alice", "bob");
    }

    /** Both sides of a handshake, with the first message sealed and opened. */
    @Benchmark
    public Session startSession() throws SessionException {
        Session initiator = Handshake.initiate(cryptoMode, alice, bob, signed.prekey(), oneTime.prekey(), 0);
        return open(null, initiator, "alice", "bob");
    }

    /** A message in the same direction as the last one: chain steps and AES-GCM only. */
    @Benchmark
    public Session messageWithinAChain() throws SessionException {
        return open(bobSession, aliceSession, "alice", "bob");
    }

    /** A message each way: each opens a new chain with a KEM encapsulation and decapsulation. */
    @Benchmark
    public Session turnOfTheConversation() throws SessionException {
        open(aliceSession, bobSession, "bob", "alice");
        return open(bobSession, aliceSession, "alice", "bob");
    }

    /** Seals a message with {@code sender} and opens it with {@code receiver}, or accepts the session. */
    private Session open(Session receiver, Session sender, String from, String to) throws SessionException {
        EnvelopeContext envelope = new EnvelopeContext(UUID.randomUUID(), from, to, cryptoMode, 0);
        SessionMessage message = SessionMessage.parse(sender.encrypt(TEXT, envelope));
        Session target = receiver != null ? receiver : Handshake.respond(cryptoMode, bob, alice, message,
                (kind, id) -> kind == PrekeyKind.SIGNED ? signed : oneTime, 0);
        target.decrypt(message, envelope);
        return target;
    }

    private byte[] identityKey() {
        return Kems.generate(cryptoMode.signatureAlgorithm()).getPublic().getEncoded();
    }

    private Handshake.HeldPrekey prekey(PrekeyKind kind, long id) {
        KeyPair pair = Kems.generate(cryptoMode.kemAlgorithm());
        return new Handshake.HeldPrekey(new Handshake.PublicPrekey(kind, id, pair.getPublic().getEncoded()),
                pair.getPrivate().getEncoded());
    }
}
