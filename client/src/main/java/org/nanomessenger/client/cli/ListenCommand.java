// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.nanomessenger.client.MessageHandler;
import org.nanomessenger.client.NanoClient;
import org.nanomessenger.client.NanoException;
import org.nanomessenger.client.ReceivedMessage;
import org.nanomessenger.client.Rejection;
import org.nanomessenger.client.Subscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nano listen}: prints messages as they arrive until Ctrl-C, or until a failure the client
 * cannot recover from, which ends the command with that failure's exit code.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        header = "Print messages as they arrive, until Ctrl-C.",
        description = "The client reconnects by itself. With --json each message is one JSON object"
            + " on its own line.")
final class ListenCommand implements Callable<Integer> {

    /** How long to wait for the first connection before saying that listening has started. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);
    /** How often the connection is looked at, to tell the user when it drops and comes back. */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long Ctrl-C waits for the client to sign out before the process ends anyway. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws NanoException, CliException, InterruptedException {
        NanoCommand nano = NanoCommand.of(spec);
        Output output = nano.output();
        CountDownLatch finished = new CountDownLatch(1);
        try (NanoClient client = nano.openClient()) {
            Printer printer = new Printer(output);
            try (Subscription subscription = client.listen(printer)) {
                Thread hook = new Thread(() -> stop(subscription, finished), "nano-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    boolean connected = subscription.awaitConnected(CONNECT_WAIT);
                    if (printer.fatal == null) {
                        output.note("Listening as " + client.username() + " at " + client.server()
                                + (connected ? "" : " (still connecting)") + "; Ctrl-C stops.");
                    }
                    watch(subscription, output, connected);
                } finally {
                    removeHook(hook);
                }
            }
            if (printer.fatal != null) {
                throw printer.fatal;
            }
        } finally {
            finished.countDown();
        }
        return ExitCodes.OK;
    }

    /** Waits until listening stops, noting on stderr when the connection drops and comes back. */
    private static void watch(Subscription subscription, Output output, boolean connectedAtStart)
            throws InterruptedException {
        boolean wasConnected = connectedAtStart;
        while (!subscription.awaitStopped(POLL)) {
            boolean connected = subscription.connected();
            if (wasConnected && !connected) {
                output.note("Connection lost; reconnecting.");
            } else if (!wasConnected && connected) {
                output.note("Connected.");
            }
            wasConnected = connected;
        }
    }

    /** On Ctrl-C: stops listening, then gives the main thread a moment to sign out. */
    private static void stop(Subscription subscription, CountDownLatch finished) {
        subscription.close();
        try {
            finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The process is shutting down: the hook is running or has run
        }
    }

    /** Prints what the subscription delivers; keeps a fatal error for the main thread. */
    private static final class Printer implements MessageHandler {

        private final Output output;
        private volatile NanoException fatal;

        Printer(Output output) {
            this.output = output;
        }

        @Override
        public void onMessage(ReceivedMessage message) {
            if (output.json()) {
                output.json(output.toJson(message));
            } else {
                output.line(output.text(message));
            }
        }

        @Override
        public void onRejected(Rejection rejection) {
            output.rejected(rejection);
        }

        @Override
        public void onError(NanoException error, boolean fatal) {
            if (fatal) {
                this.fatal = error;
            } else {
                output.warn(error.getMessage());
            }
        }
    }
}
