// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import java.io.PrintWriter;

import org.nanomessenger.client.NanoException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr, {@code nano: <message>}, and an exit code from
 * {@link ExitCodes}. With {@code --verbose} the stack trace and its causes follow the line.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper,
        IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine,
            ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("nano: " + describe(error));
        if (verbose(commandLine)) {
            // The user asked for the details: printing them is this command's output
            error.printStackTrace(err);
        }
        err.flush();
        return getExitCode(error);
    }

    @Override
    public int getExitCode(Throwable error) {
        return ExitCodes.of(error);
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("nano: " + Output.oneLine(String.valueOf(error.getMessage())));
        UnmatchedArgumentException.printSuggestions(error, err);
        String command = commandLine.getCommandSpec().qualifiedName();
        err.println("Try '" + command + " --help' for more information.");
        if (verbose(commandLine) && error.getCause() != null) {
            error.getCause().printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The one line that says what went wrong. */
    static String describe(Throwable error) {
        if (error instanceof NanoException || error instanceof CliException) {
            return Output.oneLine(String.valueOf(error.getMessage()));
        }
        String message = error.getMessage();
        String text = message == null ? error.getClass().getName() : message;
        return "unexpected error: " + Output.oneLine(text);
    }

    private static boolean verbose(CommandLine commandLine) {
        Object root = commandLine.getCommandSpec().root().userObject();
        return root instanceof NanoCommand nano && nano.verbose();
    }
}
