// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The passphrase comes from NANO_PASSPHRASE, else from the terminal, else nowhere (exit 3). */
class PassphrasesTest {

    private static final Path DIRECTORY = Path.of("/home/alice/.nano-messenger");

    /** A terminal that answers the given lines in turn and remembers the prompts. */
    private static final class FakeTerminal implements Passphrases.Prompter {

        final List<char[]> answers = new ArrayList<>();
        final List<String> prompts = new ArrayList<>();

        FakeTerminal(String... answers) {
            for (String answer : answers) {
                this.answers.add(answer == null ? null : answer.toCharArray());
            }
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            return prompts.size() > answers.size() ? null : answers.get(prompts.size() - 1);
        }
    }

    private static final Passphrases.Prompter NO_PROMPT = prompt -> fail("prompted: " + prompt);

    @Test
    void takesTheEnvironmentVariableWithoutPrompting() throws CliException {
        Passphrases passphrases = new Passphrases(Map.of("NANO_PASSPHRASE", "s3cret")::get,
                () -> NO_PROMPT);

        assertThat(passphrases.existing(DIRECTORY)).containsExactly("s3cret".toCharArray());
        assertThat(passphrases.fresh(DIRECTORY)).containsExactly("s3cret".toCharArray());
    }

    @Test
    void needsNoTerminalWhenTheVariableIsSet() throws CliException {
        Passphrases passphrases = new Passphrases(Map.of("NANO_PASSPHRASE", "s3cret")::get, () -> null);

        assertThat(passphrases.existing(DIRECTORY)).containsExactly("s3cret".toCharArray());
    }

    @Test
    void withoutTheVariableOrATerminalThereIsNoPassphrase() {
        Passphrases passphrases = new Passphrases(name -> null, () -> null);

        assertThatThrownBy(() -> passphrases.existing(DIRECTORY)).isInstanceOf(CliException.class)
                .hasMessage("No passphrase: set NANO_PASSPHRASE or run in a terminal")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCodes.STATE);
        assertThatThrownBy(() -> passphrases.fresh(DIRECTORY)).isInstanceOf(CliException.class)
                .hasMessage("No passphrase: set NANO_PASSPHRASE or run in a terminal");
    }

    @Test
    void aPromptOnTheControllingTerminalLeavesStandardInputToTheMessage() throws CliException {
        Passphrases.Prompter tty = new Passphrases.Prompter() {
            @Override
            public char[] readPassword(String prompt) {
                return "typed on /dev/tty".toCharArray();
            }

            @Override
            public boolean readsStandardInput() {
                return false;
            }
        };
        Passphrases passphrases = new Passphrases(name -> null, () -> tty);

        assertThat(passphrases.existing(DIRECTORY)).containsExactly("typed on /dev/tty".toCharArray());
        assertThat(passphrases.interactive()).isFalse();
        assertThat(new Passphrases(name -> null, () -> new FakeTerminal("x")).interactive()).isTrue();
    }

    @Test
    void anEmptyVariableCountsAsUnset() throws CliException {
        FakeTerminal terminal = new FakeTerminal("typed");
        Passphrases passphrases = new Passphrases(Map.of("NANO_PASSPHRASE", "")::get, () -> terminal);

        assertThat(passphrases.existing(DIRECTORY)).containsExactly("typed".toCharArray());
    }

    @Test
    void asksOnceForExistingState() throws CliException {
        FakeTerminal terminal = new FakeTerminal("typed");
        Passphrases passphrases = new Passphrases(name -> null, () -> terminal);

        assertThat(passphrases.existing(DIRECTORY)).containsExactly("typed".toCharArray());
        assertThat(terminal.prompts).containsExactly("Passphrase for " + DIRECTORY + ": ");
    }

    @Test
    void asksTwiceForNewState() throws CliException {
        FakeTerminal terminal = new FakeTerminal("typed", "typed");
        Passphrases passphrases = new Passphrases(name -> null, () -> terminal);

        assertThat(passphrases.fresh(DIRECTORY)).containsExactly("typed".toCharArray());
        assertThat(terminal.prompts).hasSize(2);
    }

    @Test
    void refusesPassphrasesThatDoNotMatchAndZeroesThem() {
        FakeTerminal terminal = new FakeTerminal("typed", "tyqed");
        List<char[]> typed = List.copyOf(terminal.answers);
        Passphrases passphrases = new Passphrases(name -> null, () -> terminal);

        assertThatThrownBy(() -> passphrases.fresh(DIRECTORY)).isInstanceOf(CliException.class)
                .hasMessage("The passphrases do not match");
        assertThat(typed).allSatisfy(chars -> assertThat(new String(chars)).isEqualTo("\0".repeat(5)));
    }

    @Test
    void refusesAnEmptyNewPassphrase() {
        Passphrases passphrases = new Passphrases(name -> null, () -> new FakeTerminal("", ""));

        assertThatThrownBy(() -> passphrases.fresh(DIRECTORY)).isInstanceOf(CliException.class)
                .hasMessage("The passphrase must not be empty");
    }

    @Test
    void theEndOfInputIsNoPassphrase() {
        Passphrases passphrases = new Passphrases(name -> null, () -> new FakeTerminal((String) null));

        assertThatThrownBy(() -> passphrases.existing(DIRECTORY)).isInstanceOf(CliException.class)
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCodes.STATE);
    }
}
