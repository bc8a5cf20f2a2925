// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

/**
 * The local state cannot be used: there is none, there is one already, the passphrase is wrong,
 * or the files are damaged or locked by another process.
 */
public final class StateException extends NanoException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the state. */
    public enum Reason {
        /** No state directory, or one without a client in it: run {@code init} first. */
        MISSING,
        /** {@code init} on a directory that already holds a client. */
        EXISTS,
        /** The passphrase does not open the state (or the state file was altered). */
        WRONG_PASSPHRASE,
        /** The files cannot be read or written, or do not have the expected format. */
        UNUSABLE,
        /** The operation needs a registered account and this one is not registered yet. */
        NOT_REGISTERED
    }

    private final Reason reason;

    public StateException(Reason reason, String message) {
        this(reason, message, null);
    }

    public StateException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
