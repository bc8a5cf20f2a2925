// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.net.URI;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.ServerInfo;
import org.nanomessenger.protocol.CryptoMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nano server}: shows the server and its policy, or points the client at another. */
@Command(name = "server", mixinStandardHelpOptions = true,
        header = "Show the server and its policy, or choose another server.",
        description = {
            "Without a URL: show the configured server's URL, then its policy (which fails if the"
                    + " server cannot be reached).",
            "With a URL: use that server from now on; only before 'nano register'."})
final class ServerCommand extends ClientCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<url>",
            converter = Converters.ServerUrl.class,
            description = "The new server's base URL, http:// or https://.")
    private URI url;

    @Override
    void run(NanoClient client, Output output) throws NanoException {
        if (url != null) {
            change(client, output);
        } else {
            show(client, output);
        }
    }

    private void change(NanoClient client, Output output) throws NanoException {
        client.changeServer(url);

        if (output.json()) {
            ObjectNode result = output.object();
            result.put("server", client.server().toString());
            output.json(result);
        } else {
            output.note(client.username() + " now uses " + client.server());
        }
    }

    private static void show(NanoClient client, Output output) throws NanoException {
        URI configured = client.server();
        ObjectNode result = output.object();
        result.put("server", configured.toString());
        if (!output.json()) {
            output.field("server", configured.toString());
        }

        ServerInfo info;
        try {
            info = client.serverInfo();
        } catch (NanoException e) {
            if (output.json()) {
                output.json(result);
            }
            throw e;
        }

        if (output.json()) {
            result.put("minimumMode", Output.wireName(info.minimumMode()));
            ArrayNode accepted = result.putArray("acceptedModes");
            info.acceptedModes().forEach(mode -> accepted.add(mode.wireName()));
            result.put("maxEnvelopeBytes", info.maxEnvelopeBytes());
            result.put("clockSkewSeconds", info.clockSkewSeconds());
            output.json(result);
            return;
        }
        output.field("minimum mode", Output.wireName(info.minimumMode()));
        output.field("accepted modes", info.acceptedModes().stream().map(CryptoMode::wireName)
                .collect(Collectors.joining(", ")));
        output.field("max envelope", info.maxEnvelopeBytes() + " bytes");
        output.field("clock skew", "±" + info.clockSkewSeconds() + " s");
    }
}
