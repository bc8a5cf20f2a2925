// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import picocli.CommandLine.Command;

/** {@code nano register}: the account on the server, and the first prekeys. */
@Command(name = "register", mixinStandardHelpOptions = true,
        header = "Register your username on the server.",
        description = "Also publishes the prekeys others need to write to you.")
final class RegisterCommand extends ClientCommand {

    @Override
    void run(NanoClient client, Output output) throws NanoException {
        client.register();

        if (output.json()) {
            ObjectNode result = output.object();
            result.put("username", client.username());
            result.put("server", client.server().toString());
            result.put("registered", true);
            output.json(result);
        } else {
            output.note("Registered " + client.username() + " at " + client.server());
        }
    }
}
