// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.SentMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code nano send}: one message, from the arguments or from stdin. */
@Command(name = "send", mixinStandardHelpOptions = true,
        header = "Send a message.",
        description = "The text is the remaining arguments joined by blanks; without any, or with -,"
            + " it is read from stdin (one trailing line break dropped). Put -- before text that"
            + " starts with a dash.")
final class SendCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<user>", converter = Converters.Username.class,
            description = "The recipient.")
    private String recipient;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "<text>",
            description = "The message, or - for stdin.")
    private List<String> words = List.of();

    @Override
    void run(NanoClient client, Output output) throws NanoException {
        if (readsStdin(words) && nano().passphrases().interactive()) {
            output.prompt("Type the message for " + recipient + "; end it with Ctrl-D.");
        }
        String text = text(words, nano().stdin());
        if (text.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "Nothing to send: the message is empty");
        }

        SentMessage sent = client.send(recipient, text);

        if (output.json()) {
            ObjectNode result = output.object();
            result.put("id", sent.id().toString());
            result.put("recipient", sent.recipient());
            result.put("mode", Output.wireName(sent.mode()));
            result.put("sentAt", Output.iso(sent.sentAt()));
            result.put("acceptedAt", Output.iso(sent.acceptedAt()));
            output.json(result);
        }
    }

    static boolean readsStdin(List<String> words) {
        return words.isEmpty() || words.equals(List.of("-"));
    }

    /** The words joined by blanks, or all of {@code stdin} (UTF-8) less one trailing line break. */
    static String text(List<String> words, InputStream stdin) {
        if (!readsStdin(words)) {
            return String.join(" ", words);
        }

        String text;
        try {
            text = new String(stdin.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message from stdin", e);
        }
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
