// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import picocli.CommandLine.Command;

/** {@code nano whoami}: who this client is, from the local state only. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        header = "Show who you are.",
        description = "Your username, device, modes, server, whether you are registered, and the"
            + " fingerprint of your identity key. Works offline.")
final class WhoamiCommand extends ClientCommand {

    @Override
    void run(NanoClient client, Output output) throws NanoException {
        String directory = nano().stateDirectory().toAbsolutePath().toString();

        if (output.json()) {
            ObjectNode result = output.object();
            result.put("username", client.username());
            result.put("device", client.device());
            result.put("mode", client.mode().wireName());
            result.put("minimumMode", client.minimumMode().wireName());
            result.put("server", client.server().toString());
            result.put("registered", client.registered());
            result.put("identityFingerprint", client.identityFingerprint());
            result.put("stateDirectory", directory);
            output.json(result);
            return;
        }

        output.columns(List.of(
                List.of("username", client.username()),
                List.of("device", client.device()),
                List.of("mode", client.mode().wireName()),
                List.of("minimum mode", client.minimumMode().wireName()),
                List.of("server", client.server().toString()),
                List.of("registered", ContactsCommand.yesNo(client.registered())),
                List.of("fingerprint", client.identityFingerprint()),
                List.of("state", directory)));
    }
}
