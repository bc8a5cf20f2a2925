// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nanomessenger.client.SecurityCheckException;
import org.nanomessenger.client.ServerProblemException;
import org.nanomessenger.client.ServerUnreachableException;
import org.nanomessenger.client.StateException;
import picocli.CommandLine;

/** Each failure ends as one line on stderr and the exit code of its kind. */
class ErrorHandlerTest {

    private final StringWriter err = new StringWriter();
    private final ErrorHandler handler = new ErrorHandler();

    private CommandLine commandLine(String... args) {
        NanoCommand command = new NanoCommand(name -> null, () -> null,
                new ByteArrayInputStream(new byte[0]));
        CommandLine commandLine = NanoCommand.commandLine(command);
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.parseArgs(args);
        return commandLine;
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new StateException(StateException.Reason.WRONG_PASSPHRASE,
                        "Wrong passphrase for /home/x/.nano-messenger"), ExitCodes.STATE,
                        "nano: Wrong passphrase for /home/x/.nano-messenger"),
                Arguments.of(new StateException(StateException.Reason.NOT_REGISTERED,
                        "alice is not registered yet"), ExitCodes.STATE,
                        "nano: alice is not registered yet"),
                Arguments.of(new CliException(ExitCodes.STATE, Passphrases.NO_PASSPHRASE), ExitCodes.STATE,
                        "nano: No passphrase: set NANO_PASSPHRASE or run in a terminal"),
                Arguments.of(new ServerUnreachableException(
                        "Cannot reach the server at http://localhost:8080",
                        new ConnectException("refused")), ExitCodes.UNREACHABLE,
                        "nano: Cannot reach the server at http://localhost:8080"),
                Arguments.of(new ServerProblemException(URI.create(ServerProblemException.TYPE_PREFIX
                        + "unknown-user"), 404, "Unknown user", "No user named zed"), ExitCodes.REFUSED,
                        "nano: 404 No user named zed"),
                Arguments.of(new SecurityCheckException(SecurityCheckException.Check.IDENTITY_CHANGED,
                        "bob's identity key changed"), ExitCodes.SECURITY,
                        "nano: bob's identity key changed"),
                Arguments.of(new IllegalStateException("boom"), ExitCodes.FAILURE,
                        "nano: unexpected error: boom"),
                Arguments.of(new NullPointerException(), ExitCodes.FAILURE,
                        "nano: unexpected error: java.lang.NullPointerException"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void printsOneLineAndAnswersTheExitCodeOfEachKindOfFailure(Exception error, int exitCode, String line) {
        int code = handler.handleExecutionException(error, commandLine("whoami"), null);

        assertThat(code).isEqualTo(exitCode);
        assertThat(handler.getExitCode(error)).isEqualTo(exitCode);
        assertThat(errLines()).containsExactly(line);
    }

    @Test
    void printsTheStackAndItsCausesOnlyWhenVerbose() {
        ServerUnreachableException error = new ServerUnreachableException("Cannot reach the server",
                new ConnectException("refused"));

        int code = handler.handleExecutionException(error, commandLine("-v", "whoami"), null);

        assertThat(code).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(errLines().getFirst()).isEqualTo("nano: Cannot reach the server");
        assertThat(err.toString()).contains(ServerUnreachableException.class.getName(),
                "Caused by: java.net.ConnectException: refused", "\tat ");
    }

    @Test
    void keepsAServerMessageOnOneLineAndOutOfTheTerminalsControl() {
        ServerProblemException error = new ServerProblemException(URI.create("about:blank"), 400, "Bad",
                "first\nsecond\u001b[2J");

        handler.handleExecutionException(error, commandLine("whoami"), null);

        assertThat(errLines()).containsExactly("nano: 400 first second\uFFFD[2J");
    }

    @Test
    void anExceptionWithinTheRunIsHandledByThisHandler() {
        CommandLine commandLine = commandLine();

        assertThat(commandLine.getExecutionExceptionHandler()).isInstanceOf(ErrorHandler.class);
        assertThat(commandLine.getExitCodeExceptionMapper()).isInstanceOf(ErrorHandler.class);
        assertThat(commandLine.getParameterExceptionHandler()).isInstanceOf(ErrorHandler.class);
        assertThat(commandLine.getSubcommands().get("send").getExecutionExceptionHandler())
                .isInstanceOf(ErrorHandler.class);
    }
}
