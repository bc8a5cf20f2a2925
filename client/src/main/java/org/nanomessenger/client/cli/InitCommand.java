// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.StateException;
import org.nanomessenger.protocol.CryptoMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nano init}: a new identity and the encrypted state, nothing sent to a server yet. */
@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Create your identity and the encrypted local state.",
        description = "The state is protected by a passphrase. Nothing is sent to the server until"
            + " 'nano register'.")
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-u", "--user"}, required = true, paramLabel = "<name>",
            converter = Converters.Username.class,
            description = "The username to register: 3 to 32 of a-z 0-9 _ -.")
    private String username;

    @Option(names = "--mode", paramLabel = "<mode>", defaultValue = "hybrid",
            converter = Converters.Mode.class, completionCandidates = Converters.ModeNames.class,
            description = "The crypto mode of the identity key: ${COMPLETION-CANDIDATES}"
                + " (default: ${DEFAULT-VALUE}).")
    private CryptoMode mode;

    @Option(names = "--minimum-mode", paramLabel = "<mode>", converter = Converters.Mode.class,
            completionCandidates = Converters.ModeNames.class,
            description = "The weakest mode to send or accept messages in, not above --mode"
                + " (default: hybrid, or classical for a classical identity).")
    private CryptoMode minimumMode;

    @Option(names = "--server", paramLabel = "<url>", converter = Converters.ServerUrl.class,
            description = "The server's base URL (default: http://localhost:8080).")
    private URI server;

    /**
     * Hybrid, both of whose halves must break, and quantum both hold against a quantum computer,
     * so a quantum user still talks to hybrid users unless told otherwise; a classical identity
     * cannot have a minimum above itself.
     */
    static CryptoMode defaultMinimum(CryptoMode mode) {
        return mode == CryptoMode.CLASSICAL ? CryptoMode.CLASSICAL : CryptoMode.HYBRID;
    }

    @Override
    public Integer call() throws NanoException, CliException {
        CryptoMode minimum = minimumMode != null ? minimumMode : defaultMinimum(mode);
        if (!mode.isAtLeast(minimum)) {
            throw new ParameterException(spec.commandLine(), "--minimum-mode " + minimum.wireName()
                    + " is stronger than --mode " + mode.wireName());
        }
        NanoCommand nano = NanoCommand.of(spec);
        Path directory = nano.stateDirectory();
        if (NanoClient.exists(directory)) {
            // Checked before the passphrase is asked for; create() checks again
            throw new StateException(StateException.Reason.EXISTS,
                    "A client is already initialised in " + directory + "; use another --state-dir");
        }

        URI url = server == null ? NanoClient.DEFAULT_SERVER : server;
        char[] passphrase = nano.passphrases().fresh(directory);
        try (NanoClient client = NanoClient.create(directory, passphrase, username, url, mode,
                minimum)) {
            report(client, directory, nano.output());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        return ExitCodes.OK;
    }

    private static void report(NanoClient client, Path directory, Output output)
            throws NanoException {
        if (output.json()) {
            ObjectNode result = output.object();
            result.put("username", client.username());
            result.put("mode", client.mode().wireName());
            result.put("minimumMode", client.minimumMode().wireName());
            result.put("server", client.server().toString());
            result.put("stateDirectory", directory.toAbsolutePath().toString());
            result.put("identityFingerprint", client.identityFingerprint());
            output.json(result);
            return;
        }

        String modes = client.mode() == client.minimumMode() ? client.mode().wireName()
                : client.mode().wireName() + ", minimum " + client.minimumMode().wireName();
        output.note("Initialised " + client.username() + " (" + modes + ") in "
                + directory.toAbsolutePath() + "; next: nano register");
    }
}
