// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nanomessenger.client.HistoryEntry;
import org.nanomessenger.client.Inbox;
import org.nanomessenger.client.MessageHandler;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.ReceivedMessage;
import org.nanomessenger.client.Rejection;
import org.nanomessenger.client.SecurityCheckException;
import org.nanomessenger.client.SentMessage;
import org.nanomessenger.client.ServerProblemException;
import org.nanomessenger.client.StateException;
import org.nanomessenger.client.Subscription;
import org.nanomessenger.protocol.CryptoMode;

/** Two SDK clients talk end to end through a real server, over HTTP and the WebSocket stream. */
@ExtendWith(ArquillianExtension.class)
class ClientSessionIT {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @ArquillianResource
    ManagementClient management;

    @TempDir
    Path directories;

    private final List<NanoClient> opened = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void acceptEveryMode() throws Exception {
        Policy.minimumMode(management, "classical");
    }

    @AfterEach
    void closeClientsAndRestorePolicy() throws Exception {
        opened.forEach(NanoClient::close);
        Policy.reset(management);
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void twoClientsTalkBothWaysWhileTheRecipientIsOfflineAndWhileItListens(CryptoMode mode) throws Exception {
        NanoClient alice = client("alice", mode);
        NanoClient bob = client("bob", mode);

        // Bob is offline: three messages wait on the server
        for (int i = 1; i <= 3; i++) {
            SentMessage sent = alice.send(bob.username(), "offline " + i);
            assertThat(sent.mode()).isEqualTo(mode);
        }
        Inbox inbox = bob.fetch();
        assertThat(inbox.rejections()).isEmpty();
        assertThat(inbox.messages()).extracting(ReceivedMessage::text)
                .containsExactly("offline 1", "offline 2", "offline 3");
        assertThat(inbox.messages()).allSatisfy(message -> {
            assertThat(message.sender()).isEqualTo(alice.username());
            assertThat(message.mode()).isEqualTo(mode);
        });

        // Bob answers; Alice is offline too, then reads
        bob.send(alice.username(), "got them");
        assertThat(alice.fetch().messages()).extracting(ReceivedMessage::text).containsExactly("got them");

        // Now both listen on the stream and the conversation turns a few times
        Collector atAlice = new Collector();
        Collector atBob = new Collector();
        try (Subscription aliceListens = alice.listen(atAlice); Subscription bobListens = bob.listen(atBob)) {
            assertThat(aliceListens.awaitConnected(Duration.ofSeconds(15))).isTrue();
            assertThat(bobListens.awaitConnected(Duration.ofSeconds(15))).isTrue();
            for (int turn = 0; turn < 3; turn++) {
                alice.send(bob.username(), "ping " + turn);
                assertThat(atBob.next().text()).isEqualTo("ping " + turn);
                bob.send(alice.username(), "pong " + turn);
                assertThat(atAlice.next().text()).isEqualTo("pong " + turn);
            }
        }
        assertThat(atAlice.rejections).isEmpty();
        assertThat(atBob.rejections).isEmpty();
        assertThat(bob.peek()).isEmpty();

        // Both keep the whole conversation, encrypted on disk
        assertThat(bob.history()).hasSize(3 + 1 + 6);
        assertThat(alice.history()).filteredOn(entry -> entry.direction() == HistoryEntry.Direction.SENT)
                .extracting(HistoryEntry::text).startsWith("offline 1", "offline 2", "offline 3");
        assertThat(Files.readString(directories.resolve("bob/history.bin"), StandardCharsets.ISO_8859_1))
                .doesNotContain("offline 1", "ping 0");
    }

    @Test
    void aListenerSignsInAgainAndReconnectsWhenItsTokenExpires() throws Exception {
        // Before the clients sign in: every token they get lives two seconds
        Policy.set(management, "nano.auth.token-lifetime-seconds", "2");
        NanoClient alice = client("alice", CryptoMode.HYBRID);
        NanoClient bob = client("bob", CryptoMode.HYBRID);
        Collector atBob = new Collector();
        try (Subscription listening = bob.listen(atBob)) {
            assertThat(listening.awaitConnected(Duration.ofSeconds(15))).isTrue();

            // Each goes out after the server has closed Bob's stream for its expired token
            for (int i = 0; i < 3; i++) {
                assertThat(atBob.closes.poll(15, TimeUnit.SECONDS)).as("the server closes the expired stream")
                        .isInstanceOfSatisfying(ServerProblemException.class, problem ->
                                assertThat(problem.slug()).isEqualTo("unauthenticated"));
                alice.send(bob.username(), "across reconnects " + i);
            }

            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                texts.add(atBob.next().text());
            }
            assertThat(texts).containsExactlyInAnyOrder("across reconnects 0", "across reconnects 1",
                    "across reconnects 2");
            assertThat(atBob.fatal).as("listening never stopped").isEmpty();
        } finally {
            Policy.remove(management, "nano.auth.token-lifetime-seconds");
        }
    }

    static Stream<CryptoMode[]> mixedModes() {
        return Stream.of(new CryptoMode[] {CryptoMode.HYBRID, CryptoMode.QUANTUM},
                new CryptoMode[] {CryptoMode.QUANTUM, CryptoMode.HYBRID},
                new CryptoMode[] {CryptoMode.HYBRID, CryptoMode.CLASSICAL});
    }

    @ParameterizedTest
    @MethodSource("mixedModes")
    void eachDirectionUsesTheModeOfTheRecipientsKeys(CryptoMode aliceMode, CryptoMode bobMode) throws Exception {
        NanoClient alice = client("alice", aliceMode, CryptoMode.CLASSICAL);
        NanoClient bob = client("bob", bobMode, CryptoMode.CLASSICAL);

        assertThat(alice.send(bob.username(), "to bob").mode()).isEqualTo(bobMode);
        assertThat(bob.fetch().messages()).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("to bob");
            assertThat(message.mode()).isEqualTo(bobMode);
        });
        // Bob answers in the session Alice started: its mode is fixed by Bob's prekeys
        assertThat(bob.send(alice.username(), "to alice").mode()).isEqualTo(bobMode);
        assertThat(alice.fetch().messages()).extracting(ReceivedMessage::text).containsExactly("to alice");
    }

    @Test
    void neverSendsBelowTheUsersMinimumOrTheServersPolicy() throws Exception {
        NanoClient alice = client("alice", CryptoMode.HYBRID, CryptoMode.HYBRID);
        NanoClient bob = client("bob", CryptoMode.CLASSICAL, CryptoMode.CLASSICAL);
        NanoClient carol = client("carol", CryptoMode.HYBRID, CryptoMode.CLASSICAL);

        assertThatThrownBy(() -> alice.send(bob.username(), "too weak"))
                .isInstanceOfSatisfying(SecurityCheckException.class, e -> assertThat(e.check())
                        .isEqualTo(SecurityCheckException.Check.MODE_BELOW_MINIMUM))
                .hasMessageContaining("classical").hasMessageContaining("nothing was sent");

        Policy.minimumMode(management, "hybrid");
        assertThatThrownBy(() -> carol.send(bob.username(), "policy says no"))
                .isInstanceOfSatisfying(SecurityCheckException.class, e -> assertThat(e.getMessage())
                        .contains("server policy hybrid"));
        assertThat(bob.peek()).isEmpty();
    }

    @Test
    void refusesAReplayedEnvelopeAndOneWhoseSignatureDoesNotMatch() throws Exception {
        NanoClient alice = client("alice", CryptoMode.HYBRID);
        NanoClient bob = client("bob", CryptoMode.HYBRID);
        alice.send(bob.username(), "only once");
        String recorded = bob.peek().getFirst();

        assertThat(bob.fetch().messages()).extracting(ReceivedMessage::text).containsExactly("only once");

        // A server that delivers the same envelope again
        Inbox replayed = bob.receive(recorded);
        assertThat(replayed.messages()).isEmpty();
        assertThat(replayed.rejections()).singleElement().satisfies(rejection ->
                assertThat(rejection.reason()).contains("replayed"));
        // ... or under a new id, which the sender's signature does not cover
        ObjectNode renamed = (ObjectNode) Api.JSON.readTree(recorded);
        renamed.put("id", UUID.randomUUID().toString());
        Inbox forged = bob.receive(renamed.toString());
        assertThat(forged.messages()).isEmpty();
        assertThat(forged.rejections()).singleElement().satisfies(rejection ->
                assertThat(rejection.reason()).contains("signature"));
        assertThat(bob.history()).hasSize(1);
    }

    @Test
    void aCopyOfTheRecipientsStateCannotReadWhatItHasRead() throws Exception {
        NanoClient alice = client("alice", CryptoMode.HYBRID);
        NanoClient bob = client("bob", CryptoMode.HYBRID);
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alice.send(bob.username(), "secret " + i);
        }
        recorded.addAll(bob.peek());
        assertThat(bob.fetch().messages()).hasSize(3);

        // The thief copies Bob's whole state directory and knows the passphrase
        Path stolenDirectory = directories.resolve("stolen");
        copy(directories.resolve("bob"), stolenDirectory);
        Files.delete(stolenDirectory.resolve("history.bin"));
        try (NanoClient stolen = NanoClient.open(stolenDirectory, PASSPHRASE)) {
            for (String envelope : recorded) {
                Inbox attempt = stolen.receive(envelope);
                assertThat(attempt.messages()).isEmpty();
                assertThat(attempt.rejections()).singleElement().satisfies(rejection ->
                        assertThat(rejection.reason()).contains("its key is deleted"));
            }
            assertThat(stolen.history()).isEmpty();
        }
    }

    @Test
    void publishesOneTimePrekeysBeforeTheyRunOut() throws Exception {
        NanoClient bob = client("bob", CryptoMode.HYBRID);
        assertThat(bob.keyStatus().oneTimeOnServer()).isEqualTo(50);
        TestUser drainer = TestUser.create("drainer", CryptoMode.HYBRID).register().login();
        for (int i = 0; i < 35; i++) {
            assertThat(Api.get("/api/v1/users/" + bob.username() + "/bundle", drainer.token).status())
                    .isEqualTo(200);
        }
        assertThat(bob.keyStatus().oneTimeOnServer()).isEqualTo(15);

        bob.fetch();

        assertThat(bob.keyStatus().oneTimeOnServer()).isEqualTo(50);
    }

    @Test
    void surfacesServerRefusalsWithTheirProblemType() throws Exception {
        NanoClient alice = client("alice", CryptoMode.HYBRID);

        assertThatThrownBy(() -> alice.send("nobody-" + UUID.randomUUID().toString().substring(0, 8), "hi"))
                .isInstanceOfSatisfying(ServerProblemException.class, e -> {
                    assertThat(e.slug()).isEqualTo("unknown-user");
                    assertThat(e.status()).isEqualTo(404);
                });
        assertThatThrownBy(() -> NanoClient.open(directories.resolve("alice"), "wrong".toCharArray()))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.reason())
                        .isEqualTo(StateException.Reason.WRONG_PASSPHRASE));
    }

    @Test
    void showsTheSameSafetyNumberOnBothSides() throws Exception {
        NanoClient alice = client("alice", CryptoMode.QUANTUM);
        NanoClient bob = client("bob", CryptoMode.HYBRID);

        String atAlice = alice.safetyNumber(bob.username()).digits();
        String atBob = bob.safetyNumber(alice.username()).digits();

        assertThat(atAlice).hasSize(60).containsOnlyDigits().isEqualTo(atBob);
        alice.markVerified(bob.username());
        assertThat(alice.contacts()).singleElement().satisfies(contact -> assertThat(contact.verified()).isTrue());
    }

    private NanoClient client(String prefix, CryptoMode mode) throws Exception {
        return client(prefix, mode, mode);
    }

    private NanoClient client(String prefix, CryptoMode mode, CryptoMode minimum) throws Exception {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        NanoClient client = NanoClient.create(directories.resolve(prefix), PASSPHRASE, username,
                URI.create(Deployments.BASE_URL), mode, minimum);
        opened.add(client);
        client.register();
        return client;
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** Queues what a listening client delivers; tests wait with a timeout. */
    private static final class Collector implements MessageHandler {

        final BlockingQueue<ReceivedMessage> messages = new LinkedBlockingQueue<>();
        final List<Rejection> rejections = new ArrayList<>();
        final List<NanoException> fatal = new ArrayList<>();
        final BlockingQueue<NanoException> closes = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(ReceivedMessage message) {
            messages.add(message);
        }

        @Override
        public void onRejected(Rejection rejection) {
            rejections.add(rejection);
        }

        @Override
        public void onError(NanoException error, boolean stopped) {
            if (stopped) {
                fatal.add(error);
            } else if (error instanceof ServerProblemException) {
                closes.add(error);
            }
        }

        ReceivedMessage next() throws InterruptedException {
            ReceivedMessage message = messages.poll(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within 15 s").isNotNull();
            return message;
        }
    }
}
