// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.util.concurrent.Callable;

import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the initialised client: opens it, runs, and closes it (signing out). */
abstract class ClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws NanoException, CliException {
        NanoCommand nano = nano();
        try (NanoClient client = nano.openClient()) {
            run(client, nano.output());
        }
        return ExitCodes.OK;
    }

    /** What the command does with the open client. */
    abstract void run(NanoClient client, Output output) throws NanoException, CliException;

    NanoCommand nano() {
        return NanoCommand.of(spec);
    }
}
