// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.Contact;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.SafetyNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nano contacts}: lists the contacts; its subcommands block, unblock and verify one. */
@Command(name = "contacts", mixinStandardHelpOptions = true,
        header = "List your contacts; block, unblock or verify one.",
        description = "Without a subcommand: list your contacts with their mode, whether you verified"
            + " their safety number, and whether they are blocked.",
        subcommands = {ContactsCommand.Block.class, ContactsCommand.Unblock.class,
            ContactsCommand.Verify.class})
final class ContactsCommand extends ClientCommand {

    @Override
    void run(NanoClient client, Output output) throws NanoException {
        List<Contact> contacts = client.contacts();

        if (output.json()) {
            ArrayNode result = output.array();
            for (Contact contact : contacts) {
                ObjectNode node = result.addObject();
                node.put("username", contact.username());
                node.put("mode", Output.wireName(contact.mode()));
                node.put("firstSeen", Output.iso(contact.firstSeen()));
                node.put("verified", contact.verified());
                node.put("blocked", contact.blocked());
            }
            output.json(result);
            return;
        }
        if (contacts.isEmpty()) {
            output.note("No contacts yet.");
            return;
        }

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("USERNAME", "MODE", "VERIFIED", "BLOCKED"));
        for (Contact contact : contacts) {
            String mode = contact.mode() == null ? "-" : contact.mode().wireName();
            rows.add(List.of(contact.username(), mode, yesNo(contact.verified()),
                    yesNo(contact.blocked())));
        }
        output.columns(rows);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** {@code nano contacts block}. */
    @Command(name = "block", mixinStandardHelpOptions = true,
            header = "Block a user.",
            description = "The server refuses their messages, and nano drops any that still come.")
    static final class Block extends ClientCommand {

        @Parameters(index = "0", paramLabel = "<user>", converter = Converters.Username.class,
                description = "The user to block.")
        private String username;

        @Override
        void run(NanoClient client, Output output) throws NanoException {
            client.block(username);
            blocked(output, username, true);
        }
    }

    /** {@code nano contacts unblock}. */
    @Command(name = "unblock", mixinStandardHelpOptions = true, header = "Unblock a user.")
    static final class Unblock extends ClientCommand {

        @Parameters(index = "0", paramLabel = "<user>", converter = Converters.Username.class,
                description = "The user to unblock.")
        private String username;

        @Override
        void run(NanoClient client, Output output) throws NanoException {
            client.unblock(username);
            blocked(output, username, false);
        }
    }

    private static void blocked(Output output, String username, boolean blocked) {
        if (output.json()) {
            ObjectNode result = output.object();
            result.put("username", username);
            result.put("blocked", blocked);
            output.json(result);
        } else {
            output.note((blocked ? "Blocked " : "Unblocked ") + username + ".");
        }
    }

    /** {@code nano contacts verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            header = "Show the safety number you share with a user, or confirm it.",
            description = {
                "Compare the safety number with the user in person or over a call you trust; if it"
                        + " matches, run this again with --confirm to mark them verified.",
                "A user whose identity key is not known yet is looked up on the server, and the"
                        + " key is pinned."})
    static final class Verify extends ClientCommand {

        @Parameters(index = "0", paramLabel = "<user>", converter = Converters.Username.class,
                description = "The contact.")
        private String username;

        @Option(names = "--confirm",
                description = "Mark the contact verified: you compared the safety number.")
        private boolean confirm;

        @Override
        void run(NanoClient client, Output output) throws NanoException {
            SafetyNumber number = client.safetyNumber(username);
            if (confirm) {
                client.markVerified(username);
            }
            boolean verified = confirm || client.contacts().stream().anyMatch(
                    contact -> contact.username().equals(number.remoteUser()) && contact.verified());

            if (output.json()) {
                ObjectNode result = output.object();
                result.put("localUser", number.localUser());
                result.put("remoteUser", number.remoteUser());
                result.put("safetyNumber", number.digits());
                result.put("verified", verified);
                output.json(result);
                return;
            }
            String peer = number.remoteUser();
            output.line("Safety number of " + number.localUser() + " and " + peer + ":");
            output.line("");
            output.line(number.formatted());
            output.line("");
            if (confirm) {
                output.note("Marked " + peer + " as verified.");
            } else if (verified) {
                output.note(peer + " is verified: this number matched before.");
            } else {
                output.note("Compare these digits with " + peer + " in person or over a call you trust.");
                output.note("If they match, run: nano contacts verify " + peer + " --confirm");
            }
        }
    }
}
