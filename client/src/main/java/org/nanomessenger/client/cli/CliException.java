// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.cli;

/**
 * A failure of the command-line client itself rather than of the SDK, such as a passphrase that
 * cannot be read, with the exit code it ends with. The message is one line for the user.
 */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
