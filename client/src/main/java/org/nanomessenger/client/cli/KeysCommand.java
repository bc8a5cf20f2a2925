// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.KeyStatus;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import picocli.CommandLine.Command;

/** {@code nano keys}: the state of the prekeys, as {@code keys status}; subcommands manage them. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        header = "Show or manage your prekeys.",
        description = "Without a subcommand: the same as 'nano keys status'.",
        subcommands = {KeysCommand.Status.class, KeysCommand.Replenish.class,
            KeysCommand.Rotate.class})
final class KeysCommand extends ClientCommand {

    @Override
    void run(NanoClient client, Output output) throws NanoException {
        printStatus(client.keyStatus(), output);
    }

    static void printStatus(KeyStatus status, Output output) {
        if (output.json()) {
            ObjectNode result = output.object();
            result.put("oneTimeOnServer", status.oneTimeOnServer());
            result.put("oneTimeHeld", status.oneTimeHeld());
            result.put("signedPrekeyId", status.signedPrekeyId());
            result.put("signedPrekeyCreated", Output.iso(status.signedPrekeyCreated()));
            result.put("lastResortPrekeyId", status.lastResortPrekeyId());
            output.json(result);
            return;
        }

        output.columns(List.of(
                List.of("one-time prekeys on the server",
                        Integer.toString(status.oneTimeOnServer())),
                List.of("one-time private keys held", Integer.toString(status.oneTimeHeld())),
                List.of("signed prekey", "#" + status.signedPrekeyId() + ", made "
                        + output.time(status.signedPrekeyCreated())),
                List.of("last-resort prekey", "#" + status.lastResortPrekeyId())));
    }

    /** {@code nano keys status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            header = "Show the state of your prekeys.")
    static final class Status extends ClientCommand {

        @Override
        void run(NanoClient client, Output output) throws NanoException {
            printStatus(client.keyStatus(), output);
        }
    }

    /** {@code nano keys replenish}. */
    @Command(name = "replenish", mixinStandardHelpOptions = true,
            header = "Top up the one-time prekeys on the server now.",
            description = "The client also does it by itself when they run low.")
    static final class Replenish extends ClientCommand {

        @Override
        void run(NanoClient client, Output output) throws NanoException {
            int uploaded = client.replenishPrekeys();

            if (output.json()) {
                ObjectNode result = output.object();
                result.put("uploaded", uploaded);
                output.json(result);
            } else {
                String plural = uploaded == 1 ? "" : "s";
                output.note("Uploaded " + uploaded + " one-time prekey" + plural + ".");
            }
        }
    }

    /** {@code nano keys rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            header = "Replace the signed prekey now.",
            description = "The old one is kept a while for handshakes under way.")
    static final class Rotate extends ClientCommand {

        @Override
        void run(NanoClient client, Output output) throws NanoException {
            client.rotateSignedPrekey();

            if (output.json()) {
                ObjectNode result = output.object();
                result.put("rotated", true);
                output.json(result);
            } else {
                output.note("Replaced the signed prekey.");
            }
        }
    }
}
