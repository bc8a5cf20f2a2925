// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

/** The server could not be reached, or the connection broke before it answered. */
public final class ServerUnreachableException extends NanoException {

    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
