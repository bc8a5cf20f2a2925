// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nanomessenger.protocol.CryptoMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The command tree, its help and its usage errors: everything that runs without a client or a server. */
class NanoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private NanoCommand command;

    private CommandLine commandLine(Map<String, String> environment) {
        command = new NanoCommand(environment::get, () -> null, new ByteArrayInputStream(new byte[0]));
        CommandLine commandLine = NanoCommand.commandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private int run(String... args) {
        return commandLine(Map.of()).execute(args);
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    /** Every command, as the words that name it: the top command is the empty list. */
    static Stream<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new NanoCommand()), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine commandLine, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (!"help".equals(name)) {
                path.add(name);
                collect(sub, path, paths);
                path.removeLast();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpOfEveryCommandExitsZeroAndListsItsOptionsAndParameters(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");

        int code = run(args.toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
        CommandSpec spec = commandLine(Map.of()).getCommandSpec();
        for (String name : path) {
            spec = spec.subcommands().get(name).getCommandSpec();
        }
        assertThat(out.toString()).startsWith(spec.usageMessage().header()[0])
                .contains("Usage: " + spec.qualifiedName())
                .contains("--state-dir=<dir>", "--json", "--verbose", "--help");
        for (OptionSpec option : spec.options()) {
            assertThat(out.toString()).contains(option.longestName());
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            assertThat(out.toString()).contains(parameter.paramLabel());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "init              | --user=<name>, --mode=<mode>, --minimum-mode=<mode>, --server=<url>, hybrid",
        "send              | <user>, [<text>...], stdin",
        "inbox             | --all",
        "contacts          | block, unblock, verify",
        "contacts verify   | <user>, --confirm",
        "keys              | status, replenish, rotate",
        "server            | [<url>]"})
    void helpNamesTheOptionsOfTheCommand(String path, String expected) {
        List<String> args = new ArrayList<>(List.of(path.split(" ")));
        args.add("--help");

        assertThat(run(args.toArray(String[]::new))).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(expected.split(", "));
    }

    @Test
    void topHelpListsTheCommandsTheExitCodesAndTheEnvironment() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString())
                .contains("init", "register", "send", "inbox", "listen", "contacts", "keys", "whoami")
                .contains("server")
                .contains("Exit codes:")
                .containsPattern("(?m)^ +" + ExitCodes.STATE + " +local state")
                .containsPattern("(?m)^ +" + ExitCodes.UNREACHABLE + " +the server cannot be reached")
                .containsPattern("(?m)^ +" + ExitCodes.REFUSED + " +the server refused")
                .containsPattern("(?m)^ +" + ExitCodes.SECURITY + " +a security check failed")
                .contains("NANO_STATE_DIR", "NANO_PASSPHRASE", "NANO_JAVA_OPTS");
    }

    @Test
    void versionExitsZero() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).startsWith("nano ").contains("Java ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "bogus",
        "init",
        "init --user al",
        "init --user alice --mode foo",
        "init --user alice --mode classical --minimum-mode quantum",
        "init --user alice --server localhost:8080",
        "send",
        "send Bad!Name hello",
        "server ftp://example.org",
        "server http://",
        "server http://user@example.org",
        "server http://example.org/?q=1",
        "contacts verify",
        "contacts block",
        "contacts frobnicate",
        "keys rotate now",
        "whoami --frobnicate",
        "--state-dir"})
    void badArgumentsExitTwoWithOneMessageAndAHint(String args) {
        int code = run(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).first().asString().startsWith("nano: ");
        assertThat(errLines()).last().asString().matches("Try 'nano.*--help' for more information\\.");
        assertThat(errLines()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void minimumAboveTheModeIsAUsageErrorBeforeAnyPassphrase() {
        int code = run("init", "--user", "alice", "--mode", "hybrid", "--minimum-mode", "quantum");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines().getFirst())
                .isEqualTo("nano: --minimum-mode quantum is stronger than --mode hybrid");
    }

    @Test
    void theMinimumModeDefaultsToHybridUnlessTheIdentityIsClassical() {
        assertThat(InitCommand.defaultMinimum(CryptoMode.QUANTUM)).isEqualTo(CryptoMode.HYBRID);
        assertThat(InitCommand.defaultMinimum(CryptoMode.HYBRID)).isEqualTo(CryptoMode.HYBRID);
        assertThat(InitCommand.defaultMinimum(CryptoMode.CLASSICAL)).isEqualTo(CryptoMode.CLASSICAL);
    }

    @Test
    void suggestsTheCommandMeantByATypo() {
        assertThat(run("sen", "bob")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("Did you mean: nano send");
    }

    @ParameterizedTest
    @ValueSource(strings = {"whoami", "register", "send bob hi", "inbox --all", "listen", "contacts",
        "contacts verify bob --confirm", "keys replenish", "server", "server https://example.org"})
    void aMissingStateIsExitThreeWithOneLine(String args, @TempDir Path directory) {
        Path missing = directory.resolve("none");
        List<String> arguments = new ArrayList<>(List.of("--state-dir", missing.toString()));
        arguments.addAll(List.of(args.split(" ")));

        int code = run(arguments.toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.STATE);
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).containsExactly("nano: No client in " + missing
                + ": run 'nano init' first, or point --state-dir or NANO_STATE_DIR at one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--json -v --state-dir /tmp/x contacts verify bob",
        "contacts --json verify bob -v --state-dir /tmp/x",
        "contacts verify bob --json --verbose --state-dir=/tmp/x"})
    void globalOptionsWorkBeforeAndAfterTheCommand(String args) {
        commandLine(Map.of()).parseArgs(args.split(" "));

        assertThat(command.json()).isTrue();
        assertThat(command.verbose()).isTrue();
        assertThat(command.stateDirectory()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void globalOptionsAreOffUnlessGiven() {
        commandLine(Map.of()).parseArgs("whoami");

        assertThat(command.json()).isFalse();
        assertThat(command.verbose()).isFalse();
    }
}
