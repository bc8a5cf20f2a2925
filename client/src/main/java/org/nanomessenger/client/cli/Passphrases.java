// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where the passphrase of the local state comes from: the environment variable {@value #ENV} if
 * it is set and not empty, else a prompt on the terminal (the console, or the controlling
 * terminal when the standard streams are redirected). Callers zero the array they get once
 * they are done with it.
 */
final class Passphrases {

    /** The environment variable holding the passphrase, for scripts. */
    static final String ENV = "NANO_PASSPHRASE";
    static final String NO_PASSPHRASE = "No passphrase: set " + ENV + " or run in a terminal";

    /** Reads a passphrase without echoing it. */
    @FunctionalInterface
    interface Prompter {

        /** The passphrase typed after {@code prompt}, or null at the end of input. */
        char[] readPassword(String prompt);

        /** Whether the passphrase is typed on standard input, so that input is a terminal. */
        default boolean readsStandardInput() {
            return true;
        }

        /**
         * The console of this process; when its input or output is redirected, its controlling
         * terminal; null when it has neither.
         */
        static Prompter system() {
            Console console = System.console();
            return console != null ? prompt -> console.readPassword("%s", prompt) : TtyPrompter.open();
        }
    }

    private final UnaryOperator<String> environment;
    private final Supplier<Prompter> terminal;

    /**
     * @param environment looks up an environment variable; null when it is not set
     * @param terminal answers the terminal to prompt on, or null when there is none
     */
    Passphrases(UnaryOperator<String> environment, Supplier<Prompter> terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    /** Whether standard input is the terminal the user types on. */
    boolean interactive() {
        Prompter prompter = terminal.get();
        return prompter != null && prompter.readsStandardInput();
    }

    /** The passphrase of the existing state in {@code directory}. */
    char[] existing(Path directory) throws CliException {
        char[] fromEnvironment = fromEnvironment();
        if (fromEnvironment != null) {
            return fromEnvironment;
        }

        return prompt(requireTerminal(), "Passphrase for " + directory + ": ");
    }

    /** A passphrase for new state in {@code directory}: typed twice on a terminal, not empty. */
    char[] fresh(Path directory) throws CliException {
        char[] fromEnvironment = fromEnvironment();
        if (fromEnvironment != null) {
            return fromEnvironment;
        }

        Prompter prompter = requireTerminal();
        char[] first = prompt(prompter, "New passphrase for " + directory + ": ");
        if (first.length == 0) {
            throw new CliException(ExitCodes.STATE, "The passphrase must not be empty");
        }
        char[] second = prompt(prompter, "Repeat the passphrase: ");
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new CliException(ExitCodes.STATE, "The passphrases do not match");
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    private char[] fromEnvironment() {
        String value = environment.apply(ENV);
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private Prompter requireTerminal() throws CliException {
        Prompter prompter = terminal.get();
        if (prompter == null) {
            throw new CliException(ExitCodes.STATE, NO_PASSPHRASE);
        }
        return prompter;
    }

    private static char[] prompt(Prompter prompter, String prompt) throws CliException {
        char[] typed = prompter.readPassword(prompt);
        if (typed == null) {
            throw new CliException(ExitCodes.STATE, "No passphrase: the input ended");
        }
        return typed;
    }
}
