// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

import org.nanomessenger.client.SecurityCheckException;
import org.nanomessenger.client.ServerProblemException;
import org.nanomessenger.client.ServerUnreachableException;
import org.nanomessenger.client.StateException;
import picocli.CommandLine.ParameterException;

/**
 * The exit codes of {@code nano}, one per kind of failure a script may want to tell apart. The
 * help of the top command lists them.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** An unexpected failure: a bug, or something nano does not know how to describe. */
    public static final int FAILURE = 1;
    /** Bad arguments or options. */
    public static final int USAGE = 2;
    /** The local state: none (run init), a wrong passphrase, damaged files, not registered. */
    public static final int STATE = 3;
    /** The server could not be reached. */
    public static final int UNREACHABLE = 4;
    /** The server refused the request, for example for an unknown user. */
    public static final int REFUSED = 5;
    /** A security check failed: a changed identity key, a mode below the minimum, a bad key. */
    public static final int SECURITY = 6;

    private ExitCodes() {
    }

    /** The exit code a command ends with when it fails with {@code error}. */
    static int of(Throwable error) {
        return switch (error) {
            case CliException cli -> cli.exitCode();
            case StateException _ -> STATE;
            case ServerUnreachableException _ -> UNREACHABLE;
            case ServerProblemException _ -> REFUSED;
            case SecurityCheckException _ -> SECURITY;
            case ParameterException _ -> USAGE;
            default -> FAILURE;
        };
    }
}
