// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.nanomessenger.client.HistoryEntry;
import org.nanomessenger.client.Inbox;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.ReceivedMessage;
import org.nanomessenger.client.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nano inbox}: fetches the new messages, and shows them or the whole history. */
@Command(name = "inbox", mixinStandardHelpOptions = true,
        header = "Fetch the new messages and print them.",
        description = "Waiting messages are fetched, verified, decrypted and stored, and printed"
            + " oldest first. Envelopes that fail a check are discarded, with a warning on stderr.")
final class InboxCommand extends ClientCommand {

    @Option(names = {"-a", "--all"},
            description = "Print the whole history, received and sent (-> recipient), not just"
                + " the new messages.")
    private boolean all;

    @Override
    void run(NanoClient client, Output output) throws NanoException {
        Inbox inbox = client.fetch();
        for (Rejection rejection : inbox.rejections()) {
            output.rejected(rejection);
        }

        if (all) {
            printHistory(client, output);
        } else if (output.json()) {
            ArrayNode result = output.array();
            inbox.messages().forEach(message -> result.add(output.toJson(message)));
            output.json(result);
        } else {
            for (ReceivedMessage message : inbox.messages()) {
                output.line(output.text(message));
            }
        }
    }

    private static void printHistory(NanoClient client, Output output) throws NanoException {
        if (output.json()) {
            ArrayNode result = output.array();
            client.history().forEach(entry -> result.add(output.toJson(entry)));
            output.json(result);
        } else {
            for (HistoryEntry entry : client.history()) {
                output.line(output.text(entry));
            }
        }
    }
}
