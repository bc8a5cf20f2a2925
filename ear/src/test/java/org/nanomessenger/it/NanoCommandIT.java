// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code nano} command end to end, as a user runs it: the launcher that the build leaves in
 * client/target, in separate processes, with a state directory per user, against a real server.
 */
@ExtendWith(ArquillianExtension.class)
class NanoCommandIT {

    private static final String PASSPHRASE = "a passphrase for the tests";
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path directories;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** What one run of {@code nano} left behind. */
    record Run(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    @Test
    void twoUsersInitRegisterAndExchangeMessages() throws Exception {
        String alice = unique("alice");
        String bob = unique("bob");
        assertSucceeded(nano(alice, "init", "--user", alice, "--server", Deployments.BASE_URL));
        assertSucceeded(nano(alice, "register"));
        assertSucceeded(nano(bob, "init", "--user", bob, "--mode", "quantum", "--server", Deployments.BASE_URL));
        assertSucceeded(nano(bob, "register"));

        Run sent = nano(alice, "send", bob, "hello", "from", "alice");
        assertSucceeded(sent);
        assertThat(sent.out()).isEmpty();

        Run inbox = nano(bob, "inbox");
        assertSucceeded(inbox);
        assertThat(inbox.out()).contains(alice).contains("hello from alice");
        assertThat(nano(bob, "inbox").out()).as("read messages are gone from the inbox").isEmpty();

        Run fromStdin = run(bob, "héllo back\nsecond line\n", "send", alice);
        assertSucceeded(fromStdin);
        Run json = nano(alice, "inbox", "--json");
        assertSucceeded(json);
        JsonNode messages = Api.JSON.readTree(json.out());
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).toString()).contains(bob).contains("quantum");
        assertThat(messages.get(0).toString()).contains("héllo back\\nsecond line");

        Run history = nano(bob, "inbox", "--all");
        assertSucceeded(history);
        assertThat(history.out()).contains("hello from alice").contains("héllo back");
    }

    @Test
    void listenPrintsMessagesAsTheyArrive() throws Exception {
        String alice = unique("alice");
        String bob = unique("bob");
        for (String user : List.of(alice, bob)) {
            assertSucceeded(nano(user, "init", "--user", user, "--server", Deployments.BASE_URL));
            assertSucceeded(nano(user, "register"));
        }

        Process listening = start(bob, "listen", "--json");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(listening.getInputStream(),
                StandardCharsets.UTF_8))) {
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertSucceeded(nano(alice, "send", bob, "pushed to a listener"));

            JsonNode message = Api.JSON.readTree(firstLine.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertThat(message.toString()).contains("pushed to a listener").contains(alice);
        } finally {
            listening.destroy();
            listening.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongPassphraseGivesOneClearLine() throws Exception {
        String alice = unique("alice");
        assertSucceeded(nano(alice, "init", "--user", alice, "--server", Deployments.BASE_URL));

        Run run = run(alice, Map.of("NANO_PASSPHRASE", "not the passphrase"), "", "whoami");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().startsWith("nano: ").containsIgnoringCase("passphrase");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownRecipientGivesOneClearLine() throws Exception {
        String alice = unique("alice");
        assertSucceeded(nano(alice, "init", "--user", alice, "--server", Deployments.BASE_URL));
        assertSucceeded(nano(alice, "register"));

        Run run = nano(alice, "send", unique("nobody"), "hello?");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.errLines()).singleElement().asString().startsWith("nano: ").contains("404");
    }

    @Test
    void aServerThatIsDownGivesOneClearLine() throws Exception {
        String alice = unique("alice");
        assertSucceeded(nano(alice, "init", "--user", alice, "--server", "http://localhost:1"));

        Run run = nano(alice, "register");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errLines()).singleElement().asString().startsWith("nano: ").contains("localhost:1");
    }

    @Test
    void withoutStateItSaysToRunInitFirst() throws Exception {
        Run run = nano(unique("nobody"), "inbox");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().startsWith("nano: ").contains("init");
    }

    private Run nano(String user, String... arguments) throws Exception {
        return run(user, Map.of(), "", arguments);
    }

    private Run run(String user, String stdin, String... arguments) throws Exception {
        return run(user, Map.of(), stdin, arguments);
    }

    private Run run(String user, Map<String, String> environment, String stdin, String... arguments)
            throws Exception {
        Process process = start(user, environment, arguments);
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, true));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, false));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("nano " + String.join(" ", arguments) + " did not finish in time");
        }
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private Process start(String user, String... arguments) throws IOException {
        return start(user, Map.of(), arguments);
    }

    private Process start(String user, Map<String, String> environment, String... arguments) throws IOException {
        Path launcher = Path.of(System.getProperty("nano.launcher", "../client/target/nano"));
        assertThat(Files.isExecutable(launcher)).as("the launcher %s is built and executable", launcher).isTrue();
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NANO_STATE_DIR", directories.resolve(user).toString());
        builder.environment().put("NANO_PASSPHRASE", PASSPHRASE);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String read(Process process, boolean stdout) {
        try {
            return new String((stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSucceeded(Run run) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
