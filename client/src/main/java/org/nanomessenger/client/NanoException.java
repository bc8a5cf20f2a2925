// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

/**
 * Why a client operation failed. Each subclass is one kind of failure a caller may want to act on
 * differently: the local state, the network, a refusal by the server, or a security check. The
 * message is one line meant for people and never holds key material, plaintext or tokens.
 */
public abstract sealed class NanoException extends Exception
        permits StateException, ServerUnreachableException, ServerProblemException, SecurityCheckException {

    private static final long serialVersionUID = 1L;

    protected NanoException(String message, Throwable cause) {
        super(message, cause);
    }
}
